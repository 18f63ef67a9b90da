/**
 * Worksheet proxies of one `Excel.run`, fetched once by name (`getItem`) or created (`add`) and reused by every
 * later call in the same run. Proxies stay valid across round trips; after a failed round trip the cache is
 * dropped, since the proxies it created may never have reached Excel.
 */
export class SheetCache {
  private readonly sheets = new Map<string, Excel.Worksheet>();

  constructor(private readonly context: Excel.RequestContext) {}

  get(name: string): Excel.Worksheet {
    let ws = this.sheets.get(name);
    if (!ws) {
      ws = this.context.workbook.worksheets.getItem(name);
      this.sheets.set(name, ws);
    }
    return ws;
  }

  add(name: string): Excel.Worksheet {
    const ws = this.context.workbook.worksheets.add(name);
    this.sheets.set(name, ws);
    return ws;
  }

  clear(): void {
    this.sheets.clear();
  }
}

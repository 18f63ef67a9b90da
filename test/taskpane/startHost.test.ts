/** @jest-environment jsdom */
import { startHost } from '../../src/taskpane/startHost';

type OfficeLike = {
  onReady: () => Promise<{ host: string | null; platform: string | null }>;
  HostType: { Excel: string };
  context: { displayLanguage: string };
};
const globals = globalThis as unknown as { Office?: OfficeLike };

function fakeOffice(onReady: OfficeLike['onReady'], displayLanguage = 'ja-JP'): OfficeLike {
  return { onReady, HostType: { Excel: 'Excel' }, context: { displayLanguage } };
}

afterEach(() => {
  delete globals.Office;
});

describe('startHost (chooses the host once at start-up)', () => {
  it('runs as the browser version when office.js did not load', async () => {
    const startup = await startHost(50);
    expect(startup.host.kind).toBe('browser');
    expect(startup.startupProblem).toBeUndefined();
  });

  it('uses Excel, in Office’s display language, when onReady reports Excel', async () => {
    const onReady = jest.fn(() => Promise.resolve({ host: 'Excel', platform: 'PC' }));
    globals.Office = fakeOffice(onReady, 'en-US');
    const startup = await startHost(50);
    expect(startup.host.kind).toBe('office');
    expect(startup.languageTag).toBe('en-US');
    expect(onReady).toHaveBeenCalledTimes(1);
  });

  it('runs as the browser version when office.js loads outside Office (host null)', async () => {
    globals.Office = fakeOffice(() => Promise.resolve({ host: null, platform: null }));
    expect((await startHost(50)).host.kind).toBe('browser');
  });

  it('does not wait forever when onReady never settles', async () => {
    globals.Office = fakeOffice(() => new Promise(() => undefined));
    const started = Date.now();
    const startup = await startHost(50);
    expect(startup.host.kind).toBe('browser');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports an Office start-up failure instead of hiding it', async () => {
    globals.Office = fakeOffice(() => Promise.reject(new Error('Office.js has not fully loaded')));
    const startup = await startHost(50);
    expect(startup.host.kind).toBe('browser');
    expect(startup.startupProblem).toBe('Office.js has not fully loaded');
  });

  it('the browser host refuses to read before a workbook is opened, saying why', async () => {
    const { host } = await startHost(50);
    expect(typeof host.open).toBe('function');
    await expect(host.read('all-sheets')).rejects.toMatchObject({ code: 'no-workbook' });
  });
});

/**
 * The manifest's FunctionFile (commands.html). The ribbon button opens the task pane with a ShowTaskpane
 * action, which needs no code here; this page only initialises Office once. A future function command is
 * registered inside the onReady callback with `Office.actions.associate(id, handler)`, and its handler
 * must call `event.completed()` on every path, errors included.
 */
if (typeof Office !== 'undefined') {
  void Office.onReady();
}

export {};

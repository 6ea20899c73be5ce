// The stratlint extension for VS Code: starts `stratlint server` and lets
// vscode-languageclient show what it publishes (diagnostics, hover, code
// actions) on strategy plans.
"use strict";

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration("stratlint");
  const command = settings.get("path", "stratlint");
  const args = ["server", ...settings.get("args", [])];
  const serverOptions = { command, args };  // stdio
  const clientOptions = {
    documentSelector: [
      { scheme: "file", pattern: "**/*.strategy.{yaml,yml,json}" },
    ],
  };
  client = new LanguageClient("stratlint", "stratlint", serverOptions, clientOptions);
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };

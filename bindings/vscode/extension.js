// The haalbaar extension: starts `haalbaar lsp` and hands it the plan files (`*.plan`).
// Everything a plan file shows (diagnostics, hover, quick fixes, formatting) comes from the
// language server; this file only starts it with the user's settings.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function start() {
  const config = vscode.workspace.getConfiguration('haalbaar');
  const command = config.get('path') || 'haalbaar';
  const server = { command, args: ['lsp'], transport: TransportKind.stdio };
  const options = {
    documentSelector: [
      { scheme: 'file', language: 'haalbaar' },
      { scheme: 'untitled', language: 'haalbaar' },
    ],
    initializationOptions: {
      language: config.get('language') || 'en',
      settleMs: config.get('settleMs') || 0,
      budget: config.get('budget') || 100000,
    },
  };
  client = new LanguageClient('haalbaar', 'haalbaar', server, options);
  return client.start().catch((e) => {
    vscode.window.showErrorMessage(
      `haalbaar: could not start \`${command} lsp\` (${e.message}). Install haalbaar or set "haalbaar.path".`,
    );
  });
}

async function restart() {
  if (client) {
    await client.stop();
  }
  await start();
}

function activate(context) {
  context.subscriptions.push(vscode.commands.registerCommand('haalbaar.restart', restart));
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('haalbaar')) {
        restart();
      }
    }),
  );
  return start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };

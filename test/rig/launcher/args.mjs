// Parses the command line that @vscode/test-electron's runTests() gives a VS Code executable:
// --extensionDevelopmentPath=…, --extensionTestsPath=…, profile dirs, desktop-only flags we ignore,
// and the folder to open as a plain argument.
import path from 'node:path';

export function parseLaunchArgs(argv) {
  const out = { extensionDevelopmentPaths: [], extensionTestsPath: '', userDataDir: '', extensionsDir: '', folder: '' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--extensionDevelopmentPath': out.extensionDevelopmentPaths.push(path.resolve(value())); break;
      case '--extensionTestsPath': out.extensionTestsPath = path.resolve(value()); break;
      case '--user-data-dir': out.userDataDir = path.resolve(value()); break;
      case '--extensions-dir': out.extensionsDir = path.resolve(value()); break;
      case '--folder-uri': out.folder = path.resolve(value().replace(/^file:\/\//, '')); break;
      default:
        if (!arg.startsWith('-')) out.folder = path.resolve(arg);
        // Other flags (--no-sandbox, --disable-updates, …) are for the desktop build: nothing to do.
    }
  }
  if (out.extensionDevelopmentPaths.length === 0) throw new Error('launcher: --extensionDevelopmentPath is required');
  if (!out.extensionTestsPath) throw new Error('launcher: --extensionTestsPath is required');
  return out;
}

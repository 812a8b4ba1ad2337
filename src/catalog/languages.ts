import type { HandlerFormat, Language } from './types';

/**
 * Per-language facts that do not depend on the base image: the handler grammar Lambda expects,
 * the default handler of the sample, and the files that pin dependencies.
 */
export interface LanguageInfo {
  id: Language;
  title: string;
  handler: HandlerFormat;
  defaultHandler: string;
  /** Dependency manifest and lockfiles, in the order they are looked for. */
  manifest?: string;
  lockfiles: string[];
  /**
   * What answers Lambda's Runtime API where no AWS runtime image does (OS-only and other bases):
   * `client`, a runtime interface client that the image installs and starts around the handler;
   * `binary`, the function itself, a native executable with the client compiled in (it needs
   * nothing from the base); `script`, the function's own bootstrap script (a custom runtime).
   */
  bootstrap: 'client' | 'binary' | 'script';
}

export const LANGUAGES: Record<Language, LanguageInfo> = {
  nodejs: {
    id: 'nodejs',
    title: 'Node.js',
    handler: {
      description: 'file.export, e.g. index.handler (the file may sit in a folder: src/index.handler)',
      pattern: /^[A-Za-z0-9_][\w./-]*\.[A-Za-z_$][\w$]*$/,
      example: 'index.handler',
    },
    defaultHandler: 'index.handler',
    manifest: 'package.json',
    lockfiles: ['package-lock.json', 'npm-shrinkwrap.json'],
    bootstrap: 'client',
  },
  python: {
    id: 'python',
    title: 'Python',
    handler: {
      description: 'module.function, e.g. lambda_function.handler',
      pattern: /^[A-Za-z_][\w/]*(\.[A-Za-z_]\w*)*\.[A-Za-z_]\w*$/,
      example: 'lambda_function.handler',
    },
    defaultHandler: 'lambda_function.handler',
    manifest: 'requirements.txt',
    lockfiles: [],
    bootstrap: 'client',
  },
  java: {
    id: 'java',
    title: 'Java',
    handler: {
      description: 'package.Class::method, e.g. example.Handler::handleRequest',
      pattern: /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*(::[A-Za-z_$][\w$]*)?$/,
      example: 'example.Handler::handleRequest',
    },
    defaultHandler: 'example.Handler::handleRequest',
    lockfiles: [],
    bootstrap: 'client',
  },
  dotnet: {
    id: 'dotnet',
    title: '.NET',
    handler: {
      description: 'Assembly::Namespace.Class::Method, e.g. Function::Function.Handler::FunctionHandler',
      pattern: /^[A-Za-z_][\w.]*::[A-Za-z_][\w.]*::[A-Za-z_]\w*$/,
      example: 'Function::Function.Handler::FunctionHandler',
    },
    defaultHandler: 'Function::Function.Handler::FunctionHandler',
    lockfiles: ['packages.lock.json'],
    bootstrap: 'client',
  },
  ruby: {
    id: 'ruby',
    title: 'Ruby',
    handler: {
      description: 'file.method or file.Module::Class.method, e.g. app.lambda_handler',
      pattern: /^[A-Za-z0-9_][\w/-]*\.([A-Z]\w*(::[A-Z]\w*)*\.)?[a-z_]\w*[?!]?$/,
      example: 'app.lambda_handler',
    },
    defaultHandler: 'app.lambda_handler',
    manifest: 'Gemfile',
    lockfiles: ['Gemfile.lock'],
    bootstrap: 'client',
  },
  go: {
    id: 'go',
    title: 'Go',
    handler: {
      description: 'any single word; the binary is the handler (Lambda passes it as _HANDLER)',
      pattern: /^[A-Za-z0-9_][\w.-]*$/,
      example: 'bootstrap',
    },
    defaultHandler: 'bootstrap',
    manifest: 'go.mod',
    lockfiles: ['go.sum'],
    bootstrap: 'binary',
  },
  rust: {
    id: 'rust',
    title: 'Rust',
    handler: {
      description: 'any single word; the binary is the handler (Lambda passes it as _HANDLER)',
      pattern: /^[A-Za-z0-9_][\w.-]*$/,
      example: 'bootstrap',
    },
    defaultHandler: 'bootstrap',
    manifest: 'Cargo.toml',
    lockfiles: ['Cargo.lock'],
    bootstrap: 'binary',
  },
  custom: {
    id: 'custom',
    title: 'Custom runtime (shell bootstrap)',
    handler: {
      description: 'file.function, e.g. function.handler (the bootstrap reads it from _HANDLER)',
      pattern: /^[A-Za-z0-9_][\w/-]*\.[A-Za-z_]\w*$/,
      example: 'function.handler',
    },
    defaultHandler: 'function.handler',
    lockfiles: [],
    bootstrap: 'script',
  },
};

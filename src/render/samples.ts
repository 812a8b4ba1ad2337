import type { Language } from '../catalog/types';
import { DOTNET_TEST_LIBRARIES, JUNIT_JUPITER, JUNIT_PLATFORM_LAUNCHER, MAVEN_SUREFIRE, XUNIT_RUNNER_VISUALSTUDIO } from '../catalog/test-libraries';
import { groovyString, xmlText } from './escape';
import type { GeneratedFile } from '../shared/files';
import type { Options } from '../options';
import { renderTemplate } from './index';
import { LANGUAGE_MODULES } from '../plan/languages';
import { dotnetTestProject } from '../plan/languages/dotnet';
import { dotnetHandler, nativeSampleFiles } from './samples-native';

interface SampleFile {
  path: string;
  template: string;
  data: Record<string, unknown>;
}

/** Splits a handler at its last dot: src/app.handler → [src/app, handler]. */
function fileAndExport(handler: string): [string, string] {
  const dot = handler.lastIndexOf('.');
  return [handler.slice(0, dot), handler.slice(dot + 1)];
}

/**
 * The sample handler and its manifest, named after the handler so the Dockerfile's CMD finds
 * them. Samples belong to the user after generation: `check` never compares them.
 */
export function sampleFiles(options: Options, language: Language, name: string, languageVersion: string | undefined): GeneratedFile[] {
  // Go, Rust and custom runtimes, and .NET as its own bootstrap executable off AWS runtime images.
  const code = LANGUAGE_MODULES[language].executableSample(options.base)
    ? nativeSampleFiles(options, language, name)
    : handlerFiles(options, language, name, languageVersion);
  const extras: SampleFile[] = [{ path: 'events/event.json', template: 'events/event.json', data: {} }, ...testFiles(options, language, languageVersion)];
  return [...code, ...extras.map((f) => ({ path: f.path, content: renderTemplate(`samples/${f.template}`, f.data), owned: false }))];
}

/** A unit test of the sample handler in the language's usual test tool. */
function testFiles(options: Options, language: Language, languageVersion: string | undefined): SampleFile[] {
  const h = options.handler;
  switch (language) {
    case 'nodejs': {
      if (options.typescript) return [];
      const [file, exportName] = fileAndExport(h);
      return [{ path: `test/${file.split('/').pop()}.test.mjs`, template: 'nodejs/handler.test.mjs', data: { exportName, importPath: `../${file}.mjs`, command: (options.packageManager ?? 'npm').split('@')[0] } }];
    }
    case 'python': {
      const [module, exportName] = fileAndExport(h);
      return [
        { path: 'tests/__init__.py', template: 'python/tests_init.py', data: {} },
        { path: `tests/test_${module.split(/[/.]/).pop()}.py`, template: 'python/test_handler.py', data: { module: module.replace(/\//g, '.'), exportName } },
      ];
    }
    case 'go':
      return [{ path: 'main_test.go', template: 'go/main_test.go', data: {} }];
    case 'java': {
      // The same class and package as the sample handler (the build tool's file names it declares).
      const [qualified, method = 'handleRequest'] = h.split('::');
      const parts = qualified!.split('.');
      const className = parts.pop()!;
      const pkg = parts.length > 0 ? parts.join('.') : 'example';
      return [{ path: `src/test/java/${[...pkg.split('.'), `${className}Test`].join('/')}.java`, template: 'java/HandlerTest.java', data: { package: pkg, className, method } }];
    }
    case 'ruby': {
      const file = h.slice(0, h.indexOf('.'));
      const rest = h.slice(h.indexOf('.') + 1);
      const methodDot = rest.lastIndexOf('.');
      const receiver = methodDot === -1 ? '' : `${rest.slice(0, methodDot)}.`;
      const method = methodDot === -1 ? rest : rest.slice(methodDot + 1);
      const testPath = `test/${file.split('/').pop()}_test.rb`;
      return [{ path: testPath, template: 'ruby/handler_test.rb', data: { testPath, requirePath: `../${file}`, receiver, method } }];
    }
    case 'dotnet': {
      // A project of its own beside the function's (whose csproj leaves tests/ out), referencing it.
      const { assembly, namespace, className, method } = dotnetHandler(h);
      const project = dotnetTestProject(h);
      const packages = DOTNET_TEST_LIBRARIES.map((p) => ({ package: xmlText(p.package), version: xmlText(p.version), adapter: p === XUNIT_RUNNER_VISUALSTUDIO }));
      const common = { testProject: project.file, namespace, className, method };
      return [
        { path: project.file, template: 'dotnet-tests/Tests.csproj', data: { ...common, dotnetVersion: languageVersion ?? '10', packages, functionProject: xmlText(`${assembly}.csproj`) } },
        { path: `${project.dir}/${className}Tests.cs`, template: 'dotnet-tests/HandlerTests.cs', data: { ...common, bootstrap: LANGUAGE_MODULES.dotnet.executableSample(options.base) } },
      ];
    }
    default:
      return [];
  }
}

function handlerFiles(options: Options, language: Language, name: string, languageVersion: string | undefined): GeneratedFile[] {
  const files: SampleFile[] = [];
  const h = options.handler;
  switch (language) {
    case 'nodejs': {
      const [file, exportName] = fileAndExport(h);
      if (options.typescript) {
        files.push(
          { path: `src/${file}.ts`, template: 'nodejs-ts/handler.ts', data: { exportName } },
          { path: 'package.json', template: 'nodejs-ts/package.json', data: { name } },
          { path: 'package-lock.json', template: 'nodejs-ts/package-lock.json', data: { name } },
          { path: 'tsconfig.json', template: 'nodejs-ts/tsconfig.json', data: {} },
        );
      } else {
        files.push(
          { path: `${file}.mjs`, template: 'nodejs/handler.mjs', data: { exportName } },
          { path: 'package.json', template: 'nodejs/package.json', data: { name } },
          { path: 'package-lock.json', template: 'nodejs/package-lock.json', data: { name } },
        );
      }
      // npm's lockfile only for npm: pnpm and Yarn write their own at the first install.
      if (options.packageManager !== undefined && options.packageManager !== 'npm') files.splice(files.findIndex((f) => f.path === 'package-lock.json'), 1);
      break;
    }
    case 'python': {
      const [module, exportName] = fileAndExport(h);
      files.push(
        { path: `${module.replace(/\./g, '/')}.py`, template: 'python/handler.py', data: { exportName } },
        { path: 'requirements.txt', template: 'python/requirements.txt', data: {} },
      );
      break;
    }
    case 'java': {
      const [qualified, method = 'handleRequest'] = h.split('::');
      const parts = qualified!.split('.');
      const className = parts.pop()!;
      const pkg = parts.length > 0 ? parts.join('.') : 'example';
      const javaVersion = languageVersion ?? '21';
      const common = { name, artifactId: xmlText(name), gradleName: groovyString(name), javaVersion, legacy: javaVersion === '8', junit: JUNIT_JUPITER, launcher: JUNIT_PLATFORM_LAUNCHER, surefire: MAVEN_SUREFIRE };
      files.push({
        path: `src/main/java/${[...pkg.split('.'), className].join('/')}.java`,
        template: 'java/Handler.java',
        data: { package: pkg, className, method },
      });
      if (options.buildTool === 'gradle') {
        files.push(
          { path: 'build.gradle', template: 'java/build.gradle', data: common },
          { path: 'settings.gradle', template: 'java/settings.gradle', data: common },
        );
      } else {
        files.push({ path: 'pom.xml', template: 'java/pom.xml', data: common });
      }
      break;
    }
    case 'dotnet': {
      const { assembly, namespace, className, method } = dotnetHandler(h);
      files.push(
        { path: `${assembly}.csproj`, template: 'dotnet/Project.csproj', data: { assembly, dotnetVersion: languageVersion ?? '10' } },
        { path: `${className}.cs`, template: 'dotnet/Handler.cs', data: { namespace, className, method } },
      );
      break;
    }
    case 'ruby': {
      const [file, rest] = [h.slice(0, h.indexOf('.')), h.slice(h.indexOf('.') + 1)];
      const methodDot = rest.lastIndexOf('.');
      const nesting = methodDot === -1 ? [] : rest.slice(0, methodDot).split('::');
      const method = methodDot === -1 ? rest : rest.slice(methodDot + 1);
      const modules = nesting.map((n, i) => ({
        indent: '  '.repeat(i),
        keyword: i === nesting.length - 1 ? 'class' : 'module',
        name: n,
      }));
      files.push(
        {
          path: `${file}.rb`,
          template: 'ruby/handler.rb',
          data: {
            modules,
            method,
            methodIndent: '  '.repeat(nesting.length),
            closers: nesting.map((_, i) => '  '.repeat(nesting.length - 1 - i)),
          },
        },
        { path: 'Gemfile', template: 'ruby/Gemfile', data: {} },
        { path: 'Gemfile.lock', template: 'ruby/Gemfile.lock', data: {} },
      );
      break;
    }
    default:
      break;
  }
  return files.map((f) => ({ path: f.path, content: renderTemplate(`samples/${f.template}`, f.data), owned: false }));
}

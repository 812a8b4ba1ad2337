import type { SourceId } from './sources';

/**
 * Test-scope libraries the Java sample declares. They stay out of the image: the build copies
 * runtime-scope jars only.
 */
export interface TestLibrary {
  group: string;
  artifact: string;
  version: string;
  sources: SourceId[];
}

// JUnit 5.14 rather than 6: the sample builds for Java 8 to 25, and JUnit 6 needs Java 17.
export const JUNIT_JUPITER: TestLibrary = { group: 'org.junit.jupiter', artifact: 'junit-jupiter', version: '5.14.4', sources: ['junit-jupiter'] };
/** Gradle 9 no longer supplies the launcher itself; the version matches the Jupiter release. */
export const JUNIT_PLATFORM_LAUNCHER: TestLibrary = { group: 'org.junit.platform', artifact: 'junit-platform-launcher', version: '1.14.4', sources: ['junit-jupiter'] };
/** Pinned so a Maven whose default Surefire predates JUnit Platform support still runs the test. */
export const MAVEN_SUREFIRE: TestLibrary = { group: 'org.apache.maven.plugins', artifact: 'maven-surefire-plugin', version: '3.5.4', sources: ['maven-surefire'] };

/** A test-only NuGet package the .NET sample's test project references. */
export interface NuGetTestLibrary {
  package: string;
  version: string;
  sources: SourceId[];
}

/*
 * The .NET sample's tests run with a plain `dotnet test`, which drives VSTest on the .NET 8, 9 and
 * 10 SDKs alike unless global.json opts into Microsoft Testing Platform. xunit.v3 4.x brings
 * Testing Platform v2, which the .NET 10 SDK refuses in that mode; the .mtp-off build of the same
 * framework leaves the platform out, and the VSTest adapter (xunit.runner.visualstudio) with the
 * test SDK runs it. All three support net8.0 and later, the oldest target the catalog emits.
 */
export const XUNIT_V3: NuGetTestLibrary = { package: 'xunit.v3.mtp-off', version: '4.0.3', sources: ['xunit-mtp-off', 'xunit-v3-packages', 'nuget-test-packages'] };
export const XUNIT_RUNNER_VISUALSTUDIO: NuGetTestLibrary = { package: 'xunit.runner.visualstudio', version: '4.0.1', sources: ['xunit-runner-visualstudio', 'nuget-test-packages'] };
export const MICROSOFT_NET_TEST_SDK: NuGetTestLibrary = { package: 'Microsoft.NET.Test.Sdk', version: '18.12.0', sources: ['microsoft-net-test-sdk', 'nuget-test-packages'] };
/** In the order the sample's test project lists them. */
export const DOTNET_TEST_LIBRARIES: readonly NuGetTestLibrary[] = [MICROSOFT_NET_TEST_SDK, XUNIT_V3, XUNIT_RUNNER_VISUALSTUDIO];

/** A test-only gem: the version a Ruby release bundles, which the build installs only where the image's Ruby lacks it. */
export interface BundledTestGem {
  gem: string;
  version: string;
  sources: SourceId[];
}

/*
 * Minitest as each Ruby release bundles it. Bundled gems are installed with Ruby itself (the
 * official images and copies of them build Ruby from its release tarball), but not on Bundler's
 * load path unless the Gemfile lists them, so the tests run without Bundler. Distribution packages
 * may split bundled gems out, and no AWS document says whether Lambda's Ruby images carry them:
 * where the image's Ruby has no minitest, the build stage installs this version for the tests alone.
 */
export const MINITEST_BY_RUBY: Readonly<Record<string, BundledTestGem>> = {
  '3.2': { gem: 'minitest', version: '5.16.3', sources: ['ruby-news-3.2', 'ruby-bundled-gems', 'ruby-news-3.3'] },
  '3.3': { gem: 'minitest', version: '5.20.0', sources: ['ruby-news-3.4', 'ruby-bundled-gems', 'ruby-news-3.3'] },
  '3.4': { gem: 'minitest', version: '5.25.4', sources: ['ruby-news-3.4', 'ruby-bundled-gems', 'ruby-news-3.3'] },
  '4.0': { gem: 'minitest', version: '6.0.0', sources: ['ruby-news-4.0', 'ruby-bundled-gems', 'ruby-news-3.3'] },
};

/** Minitest for a Ruby version (3.4, or 3.4.7 as a distribution may give it). */
export function minitestFor(rubyVersion: string): BundledTestGem {
  const found = MINITEST_BY_RUBY[rubyVersion.split('.').slice(0, 2).join('.')];
  if (!found) throw new Error(`no bundled minitest recorded for Ruby ${rubyVersion}`);
  return found;
}

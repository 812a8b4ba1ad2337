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

import type { FamilyId } from './types';
import type { SourceId } from './sources';

/**
 * Build-stage images for languages whose output does not depend on the final image's glibc
 * (Java bytecode, .NET IL), so the build can use a toolchain image on the build host's platform.
 */
export interface BuildImage {
  image: string;
  family: FamilyId;
  sources: SourceId[];
}

const MAVEN: Record<string, BuildImage> = Object.fromEntries(
  ['8', '11', '17', '21', '25'].map((v) => [
    v,
    { image: `maven:3.9-amazoncorretto-${v}-al2023`, family: 'al2023', sources: ['docker-maven'] },
  ]),
);

// Gradle 9 runs on JDK 17+, so JDK 8 and 11 images live on the Gradle 8 line.
const GRADLE: Record<string, BuildImage> = Object.fromEntries(
  ['8', '11', '17', '21', '25'].map((v) => [
    v,
    {
      image: `gradle:${Number(v) >= 17 ? 9 : 8}-jdk${v}-corretto`,
      family: 'al2023',
      sources: ['docker-gradle'],
    },
  ]),
);

const DOTNET_SDK: Record<string, BuildImage> = {
  '8': { image: 'mcr.microsoft.com/dotnet/sdk:8.0', family: 'debian', sources: ['dotnet-docker'] },
  '9': { image: 'mcr.microsoft.com/dotnet/sdk:9.0', family: 'debian', sources: ['dotnet-docker'] },
  '10': { image: 'mcr.microsoft.com/dotnet/sdk:10.0', family: 'ubuntu', sources: ['dotnet-docker', 'sam-templates'] },
};

export const BUILD_IMAGES = { maven: MAVEN, gradle: GRADLE, dotnetSdk: DOTNET_SDK } as const;

export function javaBuildImage(tool: 'maven' | 'gradle', javaVersion: string): BuildImage {
  const found = BUILD_IMAGES[tool][javaVersion];
  if (!found) throw new Error(`no ${tool} image for Java ${javaVersion}`);
  return found;
}

export function dotnetSdkImage(version: string): BuildImage {
  const found = DOTNET_SDK[version];
  if (!found) throw new Error(`no .NET SDK image for .NET ${version}`);
  return found;
}

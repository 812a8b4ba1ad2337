/** What rule messages advise, where the advice depends on the Dockerfile. */
import { describe, expect, it } from 'vitest';
import { findingsOf } from './helpers';

describe('LAM003 messages', () => {
  it('names the absolute path that ./x stands for, and no made-up folder for a bare name', () => {
    const [rel] = findingsOf('LAM003', 'FROM public.ecr.aws/lambda/provided:al2023\nWORKDIR /opt/fn\nCOPY run /opt/fn/run\nENTRYPOINT ["./run"]');
    expect(rel?.message).toContain('"/opt/fn/run"');
    const [bare] = findingsOf('LAM003', 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENTRYPOINT ["dotnet", "App.dll"]');
    expect(bare?.message).toContain("where dotnet is on the image's PATH");
  });
});

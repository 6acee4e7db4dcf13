using System;
using Kapi.Testing.Lsp;
using Xunit;

namespace Kapi.Ide.Tests.Infrastructure;

/// <summary>
/// A fact that needs csharp-ls: reported as skipped, with the reason, where it cannot be installed — except in CI
/// (CI=true), where .ci/run installs it and the test must run (it then fails with the reason instead).
/// </summary>
public sealed class CSharpLsFactAttribute : FactAttribute
{
    public CSharpLsFactAttribute()
    {
        var availability = CSharpLs.Find(RepositoryPaths.Root);
        if (!availability.Available && Environment.GetEnvironmentVariable("CI") != "true") Skip = availability.Reason;
    }
}

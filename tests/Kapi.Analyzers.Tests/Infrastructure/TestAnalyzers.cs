using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kapi.Analyzers.Tests.Infrastructure;

/// <summary><see cref="KapiFlagsAnalyzer"/> with the hand-built <see cref="TestSpecs"/> instead of the embedded library.</summary>
#pragma warning disable RS1001 // test-only wrapper, never loaded by a compiler
public sealed class TestFlagsAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
{
    private readonly KapiFlagsAnalyzer _inner = new(() => TestSpecs.Catalog);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _inner.SupportedDiagnostics;

#pragma warning disable RS1025, RS1026 // delegated to the real analyzer, which configures both
    public override void Initialize(AnalysisContext context) => _inner.Initialize(context);
#pragma warning restore RS1025, RS1026
}

namespace Kapi.Generators.Emitting;

/// <summary>The output of the emit step: a hint name and the source text (compared by value).</summary>
internal sealed record GeneratedFile(string HintName, string Source);

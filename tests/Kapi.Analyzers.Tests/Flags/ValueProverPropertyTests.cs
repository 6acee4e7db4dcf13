using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Threading;
using CsCheck;
using Kapi.Analyzers.Flags;
using Kapi.Analyzers.Tests.Infrastructure;
using Kapi.Architectures;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Kapi.Analyzers.Tests.Flags;

/// <summary>
/// The value prover agrees with C# on integer expressions of every shape: random expressions over
/// <c>static readonly</c> leaves of all integer types (so Roslyn cannot fold them and the prover must evaluate the
/// tree) with parentheses, checked/unchecked, casts between all integer and enum types, unary and binary operators,
/// and conditional and switch expressions. Each expression is compiled, run for every combination of its
/// conditions, and the set of values it produces at run time must equal the set the prover proves.
/// Expressions that do not compile or that throw (checked overflow, division by zero) are dropped.
/// </summary>
public class ValueProverPropertyTests
{
    private const int ExpressionsPerSample = 40;

    private static readonly string[] s_leafTypes = { "int", "uint", "long", "ulong", "byte", "sbyte", "short", "ushort" };
    private static readonly string[] s_castTypes = { "int", "uint", "long", "ulong", "byte", "sbyte", "short", "ushort" };
    private static readonly (string Name, string Underlying)[] s_enums = { ("EI", "int"), ("EB", "byte"), ("EL", "long"), ("EU", "ulong"), ("ES", "sbyte") };
    private static readonly string[] s_binary = { "|", "&", "^", "+", "-", "*", "/", "%", "<<", ">>", ">>>" };

    [Fact]
    public void Proven_values_equal_the_values_CSharp_computes()
    {
        int checkedExpressions = 0;
        Gen.Int.Sample(seed =>
        {
            checkedExpressions += CheckBatch(new Random(seed));
        }, iter: 40, threads: 1);
        // the generator must keep producing expressions that compile and run, or the property says nothing
        Assert.True(checkedExpressions >= 40 * ExpressionsPerSample / 2, $"only {checkedExpressions} expressions compiled and ran");
    }

    private sealed class Batch
    {
        public List<long> Leaves { get; } = new();
        public List<string> LeafTypes { get; } = new();
        public int Selectors { get; set; }
        public List<(string Text, List<int> Selectors)> Expressions { get; } = new();
    }

    private static int CheckBatch(Random random)
    {
        var batch = new Batch();
        for (int i = 0; i < s_leafTypes.Length * 2; i++)
        {
            batch.LeafTypes.Add(s_leafTypes[i % s_leafTypes.Length]);
            batch.Leaves.Add(RandomValue(random));
        }
        for (int i = 0; i < ExpressionsPerSample; i++)
        {
            var selectors = new List<int>();
            string text = Expression(random, batch, selectors, depth: 0);
            batch.Expressions.Add((text, selectors));
        }

        // compile; drop the expressions whose methods have errors (one more round is enough: errors are per method)
        var keep = Enumerable.Range(0, batch.Expressions.Count).ToHashSet();
        CSharpCompilation compilation = Compile(batch, keep);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                var method = error.Location.SourceTree?.GetRoot().FindNode(error.Location.SourceSpan).AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault();
                if (method is not null && method.Identifier.Text.StartsWith("E", StringComparison.Ordinal)) keep.Remove(int.Parse(method.Identifier.Text.Substring(1), CultureInfo.InvariantCulture));
            }
            compilation = Compile(batch, keep);
            var left = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(left.Count == 0, "errors outside the expression methods: " + string.Join("\n", left));
        }

        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        var context = new AssemblyLoadContext("prover-property", isCollectible: true);
        try
        {
            stream.Position = 0;
            var assembly = context.LoadFromStream(stream);
            var type = assembly.GetType("P")!;
            var tree = compilation.SyntaxTrees.Single();
            var model = compilation.GetSemanticModel(tree);
            var prover = new ValueProver(compilation, _ => null);
            int checkedCount = 0;
            foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                int index = int.Parse(method.Identifier.Text.Substring(1), CultureInfo.InvariantCulture);
                var (text, selectors) = batch.Expressions[index];
                var actual = RunAllCombinations(type, method.Identifier.Text, selectors);
                if (actual is null) continue; // it throws for some combination: no value reaches a call
                // the expression inside unchecked((long)(…))
                ExpressionSyntax expression = ((ParenthesizedExpressionSyntax)((CastExpressionSyntax)((CheckedExpressionSyntax)method.ExpressionBody!.Expression).Expression).Expression).Expression;
                // parentheses and checked(…) have no operation of their own: the operation is the expression inside
                while (expression is ParenthesizedExpressionSyntax or CheckedExpressionSyntax)
                {
                    expression = expression is ParenthesizedExpressionSyntax p ? p.Expression : ((CheckedExpressionSyntax)expression).Expression;
                }
                var operation = model.GetOperation(expression)!;
                var proof = prover.Prove(operation, CancellationToken.None);
                Assert.True(proof.IsProven, $"not proven: {text}\n  because {proof.Failure}");
                var lane = proof.Values![KapiArchitecture.X64]!;
                var proven = new SortedSet<long>(lane.Select(v => Widen(v, operation.Type)));
                Assert.True(proven.SetEquals(actual),
                    $"{text}\n  type {operation.Type}\n  C# computes {{{Show(actual)}}}\n  the prover  {{{Show(proven)}}}");
                checkedCount++;
            }
            return checkedCount;
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>What <c>unchecked((long)x)</c> gives for a value of the expression's type held in a long.</summary>
    private static long Widen(long value, ITypeSymbol? type) => IntegerTypes.Normalize(value, type);

    private static string Show(IEnumerable<long> values) => string.Join(", ", values.Select(v => "0x" + v.ToString("X", CultureInfo.InvariantCulture)));

    private static SortedSet<long>? RunAllCombinations(Type type, string methodName, List<int> selectors)
    {
        var method = type.GetMethod(methodName, BindingFlags.Public | BindingFlags.Static)!;
        var results = new SortedSet<long>();
        var choices = selectors.ToArray();
        var current = new int[choices.Length];
        while (true)
        {
            for (int i = 0; i < choices.Length; i++)
            {
                var field = type.GetField("S" + choices[i].ToString(CultureInfo.InvariantCulture))!;
                field.SetValue(null, field.FieldType == typeof(bool) ? current[i] == 0 : current[i]);
            }
            try
            {
                results.Add((long)method.Invoke(null, null)!);
            }
            catch (TargetInvocationException e) when (e.InnerException is OverflowException or DivideByZeroException)
            {
                return null;
            }
            // next combination: bool selectors have 2 choices, switch selectors 3
            int k = 0;
            for (; k < choices.Length; k++)
            {
                int arity = type.GetField("S" + choices[k].ToString(CultureInfo.InvariantCulture))!.FieldType == typeof(bool) ? 2 : 3;
                if (++current[k] < arity) break;
                current[k] = 0;
            }
            if (k == choices.Length) return results;
        }
    }

    private static CSharpCompilation Compile(Batch batch, HashSet<int> keep)
    {
        var source = new StringBuilder();
        foreach (var (name, underlying) in s_enums) source.Append("public enum ").Append(name).Append(" : ").Append(underlying).Append(" { A = 1 }\n");
        source.Append("public static class R\n{\n");
        for (int i = 0; i < batch.Leaves.Count; i++)
        {
            source.Append("    public static readonly ").Append(batch.LeafTypes[i]).Append(" L").Append(i).Append(" = unchecked((")
                .Append(batch.LeafTypes[i]).Append(")").Append(Literal(batch.Leaves[i])).Append(");\n");
        }
        source.Append("}\npublic static class P\n{\n");
        for (int i = 0; i < batch.Selectors; i++) source.Append("    public static ").Append(i % 2 == 0 ? "bool" : "int").Append(" S").Append(i).Append(";\n");
        foreach (int i in keep.OrderBy(i => i))
        {
            source.Append("    public static long E").Append(i).Append("() => unchecked((long)(").Append(batch.Expressions[i].Text).Append("));\n");
        }
        source.Append("}\n");
        var tree = CSharpSyntaxTree.ParseText(source.ToString(), new CSharpParseOptions(LanguageVersion.Latest));
        return CSharpCompilation.Create("ProverProperty" + Guid.NewGuid().ToString("N"), new[] { tree }, TestReferences.Net100,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release));
    }

    private static string Expression(Random random, Batch batch, List<int> selectors, int depth)
    {
        int pick = depth >= 4 ? random.Next(2) : random.Next(12);
        switch (pick)
        {
            case 0:
                return "R.L" + random.Next(batch.Leaves.Count).ToString(CultureInfo.InvariantCulture);
            case 1:
                return SmallLiteral(random);
            case 2:
                return "(" + Expression(random, batch, selectors, depth + 1) + ")";
            case 3:
                return (random.Next(2) == 0 ? "checked(" : "unchecked(") + Expression(random, batch, selectors, depth + 1) + ")";
            case 4:
                return "((" + s_castTypes[random.Next(s_castTypes.Length)] + ")(" + Expression(random, batch, selectors, depth + 1) + "))";
            case 5:
            {
                var (name, _) = s_enums[random.Next(s_enums.Length)];
                return "((" + s_castTypes[random.Next(s_castTypes.Length)] + ")(" + name + ")(" + Expression(random, batch, selectors, depth + 1) + "))";
            }
            case 6:
                return new[] { "~", "-", "+" }[random.Next(3)] + "(" + Expression(random, batch, selectors, depth + 1) + ")";
            case 7:
                if (selectors.Count < 3)
                {
                    int s = NewSelector(batch, selectors, wantBool: true);
                    return "(P.S" + s.ToString(CultureInfo.InvariantCulture) + " ? " + Expression(random, batch, selectors, depth + 1) + " : " + Expression(random, batch, selectors, depth + 1) + ")";
                }
                goto default;
            case 8:
                if (selectors.Count < 3)
                {
                    int s = NewSelector(batch, selectors, wantBool: false);
                    return "(P.S" + s.ToString(CultureInfo.InvariantCulture) + " switch { 0 => " + Expression(random, batch, selectors, depth + 1)
                        + ", 1 => " + Expression(random, batch, selectors, depth + 1) + ", _ => " + Expression(random, batch, selectors, depth + 1) + " })";
                }
                goto default;
            default:
            {
                string op = s_binary[random.Next(s_binary.Length)];
                string right = op is "<<" or ">>" or ">>>" ? "((int)(" + Expression(random, batch, selectors, depth + 1) + "))" : Expression(random, batch, selectors, depth + 1);
                return "(" + Expression(random, batch, selectors, depth + 1) + " " + op + " " + right + ")";
            }
        }
    }

    /// <summary>Selector fields alternate bool (even index) and int (odd index).</summary>
    private static int NewSelector(Batch batch, List<int> selectors, bool wantBool)
    {
        int index = batch.Selectors;
        if ((index % 2 == 0) != wantBool) index++;
        batch.Selectors = index + 1;
        selectors.Add(index);
        return index;
    }

    private static long RandomValue(Random random) => random.Next(6) switch
    {
        0 => random.Next(-4, 16),
        1 => 1L << random.Next(64),
        2 => -(1L << random.Next(63)),
        3 => random.NextInt64(),
        4 => random.Next(),
        _ => random.Next(0, 0x10000),
    };

    private static string SmallLiteral(Random random) => random.Next(5) switch
    {
        0 => random.Next(0, 64).ToString(CultureInfo.InvariantCulture),
        1 => "0x" + (1L << random.Next(31)).ToString("X", CultureInfo.InvariantCulture),
        2 => "0x" + random.Next(0, 0x10000).ToString("X", CultureInfo.InvariantCulture) + "u",
        3 => random.Next(0, 100).ToString(CultureInfo.InvariantCulture) + "L",
        _ => "0xFFFFFFFF",
    };

    private static string Literal(long value) =>
        value < 0 ? "(" + value.ToString(CultureInfo.InvariantCulture) + "L)" : "0x" + value.ToString("X", CultureInfo.InvariantCulture) + "UL";
}

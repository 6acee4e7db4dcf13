using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using Xunit;

namespace Kapi.Generators.Tests.Infrastructure;

/// <summary>
/// Generated bindings compiled into an in-memory assembly and loaded into a collectible context, so a test can
/// pick the options (validation on/off) and redirect the assembly's "libc" with a DllImport resolver.
/// </summary>
internal sealed class LoadedBindings : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private LoadedBindings(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    /// <summary>How often the assembly tried to bind a native function (only counted when <c>blockNative</c> is set).</summary>
    public int NativeBindAttempts => _attempts;

    private int _attempts;

    /// <param name="blockNative">
    /// When set, the assembly's DllImport resolver counts each attempt to bind a native function and refuses it
    /// with <see cref="NativeCallBlockedException"/>: P/Invoke targets are bound lazily, at the first call that
    /// reaches them, so a count of 0 proves that no call reached native code.
    /// </param>
    /// <param name="allowUnsafe">Compile with AllowUnsafeBlocks (the generator then adds the Span overloads).</param>
    public static LoadedBindings Compile(string specPath, string specText, IReadOnlyDictionary<string, string>? properties = null, bool blockNative = false, bool allowUnsafe = false) =>
        Compile(new[] { (specPath, specText) }, properties, blockNative, allowUnsafe);

    /// <summary>
    /// Several spec files compiled into one assembly, with <paramref name="sources"/> (C# compiled beside the bindings,
    /// e.g. a driver that calls Span overloads, which reflection cannot).
    /// </summary>
    public static LoadedBindings Compile(IEnumerable<(string Path, string Text)> specs, IReadOnlyDictionary<string, string>? properties = null, bool blockNative = false, bool allowUnsafe = false, params string[] sources)
    {
        var run = GeneratorHarness.Run(specs, properties, allowUnsafe, sources);
        GeneratorHarness.AssertNoGeneratorFailure(run);
        using var stream = new MemoryStream();
        var emitted = run.Output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext("kapi-bindings-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        var assembly = context.LoadFromStream(stream);
        var bindings = new LoadedBindings(context, assembly);
        if (blockNative)
        {
            NativeLibrary.SetDllImportResolver(assembly, (name, _, _) =>
            {
                System.Threading.Interlocked.Increment(ref bindings._attempts);
                throw new NativeCallBlockedException(name);
            });
        }
        return bindings;
    }

    public Type Type(string fullName) => Assembly.GetType(fullName, throwOnError: true)!;

    /// <summary>Calls a public static method; unwraps TargetInvocationException.</summary>
    public object? Call(string typeName, string method, params object?[] args)
    {
        var m = FindMethod(Type(typeName), method, args);
        try
        {
            return m.Invoke(null, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    public object Enum(string typeName, long value) => System.Enum.ToObject(Type(typeName), value);

    private static MethodInfo FindMethod(Type type, string name, object?[] args)
    {
        foreach (var m in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
        {
            if (m.Name != name) continue;
            var ps = m.GetParameters();
            if (ps.Length != args.Length) continue;
            bool ok = true;
            for (int i = 0; i < ps.Length && ok; i++)
            {
                var pt = ps[i].ParameterType.IsByRef ? ps[i].ParameterType.GetElementType()! : ps[i].ParameterType;
                ok = args[i] is null ? !pt.IsValueType : pt.IsInstanceOfType(args[i]);
            }
            if (ok) return m;
        }
        throw new MissingMethodException(type.FullName, name);
    }

    /// <summary>Reads a property of a result struct (IsError, Errno, Error …).</summary>
    public static object? Get(object? result, string property) =>
        result!.GetType().GetProperty(property)!.GetValue(result);

    public void Dispose() => _context.Unload();
}

/// <summary>Thrown by the test resolver when generated code tries to reach a native function.</summary>
internal sealed class NativeCallBlockedException : Exception
{
    public NativeCallBlockedException(string library) : base("native call into " + library + " blocked by the test") { }
}

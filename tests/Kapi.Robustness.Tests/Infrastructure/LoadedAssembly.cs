using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using System.Threading;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Kapi.Robustness.Tests.Infrastructure;

/// <summary>
/// A compilation emitted to memory and loaded into a collectible <see cref="AssemblyLoadContext"/>. Kapi.Runtime
/// resolves to the test's own copy (the default context), so metadata objects can be used with their real types.
/// Native calls are refused by a DllImport resolver that counts the attempts.
/// </summary>
internal sealed class LoadedAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;
    private int _attempts;

    private LoadedAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    /// <summary>How often the assembly tried to bind a native function (P/Invoke targets bind at the first call).</summary>
    public int NativeBindAttempts => _attempts;

    public static LoadedAssembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext("kapi-robustness-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        var loaded = new LoadedAssembly(context, context.LoadFromStream(stream));
        NativeLibrary.SetDllImportResolver(loaded.Assembly, (name, _, _) =>
        {
            Interlocked.Increment(ref loaded._attempts);
            throw new InvalidOperationException("native call into " + name + " blocked by the test");
        });
        return loaded;
    }

    public void Dispose() => _context.Unload();
}

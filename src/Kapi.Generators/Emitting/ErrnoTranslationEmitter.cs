using System.Globalization;

namespace Kapi.Generators.Emitting;

/// <summary>
/// Writes the wrapper's errno translation (<c>__X_FromErrno</c>): the native errno of the running architecture to
/// the error enum's portable (x86-64) number. Where every listed errno has its portable number the translation is a
/// cast; otherwise a switch on the process architecture, which the JIT folds, leaves the cast wherever it can.
/// </summary>
internal static class ErrnoTranslationEmitter
{
    public static void Emit(SourceWriter w, SyscallPlan s)
    {
        var e = s.Errors;
        string fromErrno = WrapperSignature.FromErrnoMethod(s);
        var nonIdentity = KapiArchitectures.All.Where(a => !e.IsIdentity(a)).ToList();
        w.Line();
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        w.Open($"private static {e.TypeName} {fromErrno}(int errno)");
        if (nonIdentity.Count == 0)
        {
            w.Line($"return ({e.TypeName})errno;");
            w.Close();
            return;
        }
        var identity = KapiArchitectures.All.Where(e.IsIdentity).ToList();
        if (identity.Count > 0)
        {
            ArchitectureExpressions.OpenProcessArchitectureSwitch(w, identity);
            w.Line($"    return ({e.TypeName})errno;");
            w.Close();
        }
        w.Line($"return {fromErrno}OnRunningArchitecture(errno);");
        w.Close();

        w.Line();
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
        w.Line($"private static {e.TypeName} {fromErrno}OnRunningArchitecture(int errno) => {fromErrno}(errno, global::Kapi.Runtime.KapiPlatform.Architecture);");

        // Native errno numbers that differ from the portable ones, per architecture.
        w.Line();
        w.Open($"private static {e.TypeName} {fromErrno}(int errno, global::Kapi.Runtime.KapiArchitecture architecture)");
        w.Open("switch (architecture)");
        foreach (var g in nonIdentity.GroupBy(a => string.Join(",", e.Members.Select(m => m.Native[a]?.ToString(CultureInfo.InvariantCulture) ?? "-"))))
        {
            foreach (var arch in g) w.Line($"case {ArchitectureExpressions.KapiArchitectureMember(arch)}:");
            w.OpenBrace();
            w.Open("switch (errno)");
            var seen = new HashSet<long>();
            foreach (var m in e.Members)
            {
                if (m.Native[g.First()] is not long n || !seen.Add(n)) continue;
                w.Line($"case {n.ToString(CultureInfo.InvariantCulture)}: return {e.TypeName}.{m.Identifier};");
            }
            w.Close();
            w.Line("break;");
            w.Close();
        }
        w.Close();
        w.Line($"return ({e.TypeName})errno;");
        w.Close();
    }
}

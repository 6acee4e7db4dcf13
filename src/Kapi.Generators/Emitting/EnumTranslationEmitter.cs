using System.Globalization;

namespace Kapi.Generators.Emitting;

/// <summary>
/// Writes the <c>TryToNative</c> methods of an enum's <c>Info</c> class: portable (x86-64) values to the native values
/// of the running architecture, or of any architecture. On architectures whose values are the portable ones the
/// translation is a cast behind a switch on the process architecture, which the JIT folds away; elsewhere a table per
/// architecture (architectures with the same table share it), and a value that does not exist there is refused.
/// </summary>
internal static class EnumTranslationEmitter
{
    public static void Emit(SourceWriter w, EnumPlan e)
    {
        string t = e.TypeName;
        var identity = KapiArchitectures.All.Where(e.IsIdentity).ToList();
        w.Line("/// <summary>Translates a portable value to the running architecture's native value.</summary>");
        w.Line("/// <param name=\"value\">The portable value.</param>");
        w.Line("/// <param name=\"native\">The native value.</param>");
        w.Line("/// <returns>False when the value holds bits or values that do not exist on this architecture.</returns>");
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        w.Open($"public static bool TryToNative({t} value, out {e.NativeType} native)");
        if (identity.Count == KapiArchitectures.Count)
        {
            w.Line($"native = unchecked(({e.NativeType})value);");
            w.Line("return true;");
        }
        else
        {
            if (identity.Count > 0)
            {
                ArchitectureExpressions.OpenProcessArchitectureSwitch(w, identity);
                w.Line($"    native = unchecked(({e.NativeType})value);");
                w.Line("    return true;");
                w.Close();
            }
            // Through a local of its own: passing `native` on would make the caller's variable address-exposed (kept
            // in memory) after inlining, although the JIT removes this call on the architectures of the switch.
            w.Line($"bool __ok = TryToNativeForRunningArchitecture(value, out {e.NativeType} __native);");
            w.Line("native = __native;");
            w.Line("return __ok;");
        }
        w.Close();
        w.Line();

        if (identity.Count != KapiArchitectures.Count)
        {
            // Kept out of the inlined method above: reading KapiPlatform there would stop the JIT from inlining it.
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
            w.Line($"private static bool TryToNativeForRunningArchitecture({t} value, out {e.NativeType} native) =>");
            w.Line("    TryToNative(value, global::Kapi.Runtime.KapiPlatform.Architecture, out native);");
            w.Line();
        }

        w.Line("/// <summary>Translates a portable value to the native value of <paramref name=\"architecture\"/>.</summary>");
        w.Line("/// <param name=\"value\">The portable value.</param>");
        w.Line("/// <param name=\"architecture\">The target architecture.</param>");
        w.Line("/// <param name=\"native\">The native value.</param>");
        w.Line("/// <returns>False when the value holds bits or values that do not exist on that architecture.</returns>");
        w.Open($"public static bool TryToNative({t} value, global::Kapi.Runtime.KapiArchitecture architecture, out {e.NativeType} native)");
        w.Line("long v = unchecked((long)value);");
        var nonIdentity = KapiArchitectures.All.Where(a => !e.IsIdentity(a)).ToList();
        if (nonIdentity.Count == 0)
        {
            w.Line($"native = unchecked(({e.NativeType})v);");
            w.Line("return true;");
            w.Close();
            return;
        }
        w.Line("long r;");
        w.Open("switch (architecture)");
        // Architectures with identical tables share one case.
        var groups = nonIdentity.GroupBy(a => TranslationKey(e, a)).ToList();
        foreach (var g in groups)
        {
            foreach (var arch in g) w.Line($"case {ArchitectureExpressions.KapiArchitectureMember(arch)}:");
            w.OpenBrace();
            EmitTranslation(w, e, g.First());
            w.Line("break;");
            w.Close();
        }
        w.Line("default:");
        w.OpenBrace();
        w.Line("r = v;");
        w.Line("break;");
        w.Close();
        w.Close();
        w.Line($"native = unchecked(({e.NativeType})r);");
        w.Line("return true;");
        w.Close();
    }

    private static string TranslationKey(EnumPlan e, KapiArchitecture arch) =>
        string.Join(",", e.Members.Select(m => m.Native[arch]?.ToString(CultureInfo.InvariantCulture) ?? "-")) + "|" + e.NativeEnumMask?[arch];

    private static void EmitTranslation(SourceWriter w, EnumPlan e, KapiArchitecture arch)
    {
        w.Line("r = 0;");
        if (e.IsFlags)
        {
            long known = 0;
            foreach (var m in e.Members.Where(m => !m.IsEnumField && m.Portable != 0))
            {
                if (m.Native[arch] is not long n) continue; // not defined here: the bit stays unknown
                w.Line($"if ((v & {CSharp.Long(m.Portable, true)}) == {CSharp.Long(m.Portable, true)}) r |= {CSharp.Long(n, true)};");
                known |= m.Portable;
            }
            if (e.EnumMask is long em)
            {
                w.Open($"switch (v & {CSharp.Long(em, true)})");
                var seen = new HashSet<long>();
                foreach (var m in e.Members.Where(m => m.IsEnumField))
                {
                    if (m.Native[arch] is not long n || !seen.Add(m.Portable)) continue;
                    w.Line($"case {CSharp.Long(m.Portable, true)}: r |= {CSharp.Long(n, true)}; break;");
                }
                w.Line("default: native = 0; return false;");
                w.Close();
                known |= em;
            }
            w.Line($"if ((v & ~{CSharp.Long(known, true)}) != 0) {{ native = 0; return false; }}");
        }
        else
        {
            w.Open("switch (v)");
            var seen = new HashSet<long>();
            foreach (var m in e.Members)
            {
                if (m.Native[arch] is not long n || !seen.Add(m.Portable)) continue;
                w.Line($"case {CSharp.Long(m.Portable)}: r = {CSharp.Long(n)}; break;");
            }
            w.Line("default: native = 0; return false;");
            w.Close();
        }
    }
}

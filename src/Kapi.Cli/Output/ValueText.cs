using System.Globalization;
using System.Text;
using Kapi.Vocabulary;

namespace Kapi.Cli.Output;

/// <summary>How the formats print a value of the model for one architecture.</summary>
internal static class ValueText
{
    /// <summary>The upstream list group of a spec: syscall, ioctl, function or sysfs.</summary>
    public static string ApiType(ApiSpec spec) => spec.Kind switch
    {
        ApiKind.Ioctl => "ioctl",
        ApiKind.Sysfs => "sysfs",
        _ => spec.IsSyscall ? "syscall" : "function",
    };

    public static string Hex(long value) => "0x" + ((ulong)value).ToString("x", CultureInfo.InvariantCulture);

    public static string Dec(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A number on <paramref name="arch"/>: a plain literal as the spec wrote it (<c>0644</c>, <c>0x7</c>); otherwise the
    /// value in hex or decimal followed by the expression (<c>0x7 (MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)</c>); "?" and
    /// the expression when the value is unknown there.
    /// </summary>
    public static string Show(KapiValue value, KapiArchitecture arch, bool hex = false)
    {
        var v = value.Get(arch);
        if (value.IsLiteral && v is not null) return OneLine(Written(value));
        var sb = new StringBuilder();
        sb.Append(v is long n ? (hex ? Hex(n) : Dec(n)) : "?");
        sb.Append(" (").Append(OneLine(Written(value))).Append(')');
        if (v is null) sb.Append(" [unknown on ").Append(arch.RidName()).Append(']');
        return sb.ToString();
    }

    /// <summary>The value alone (<c>-22</c>), or the expression when the value is unknown on <paramref name="arch"/>.</summary>
    public static string ValueOnly(KapiValue value, KapiArchitecture arch) => value.Get(arch) is long n ? Dec(n) : OneLine(Written(value));

    /// <summary>A vocabulary value in the header's spelling, then the spec's own spelling when that differs.</summary>
    public static string Term(IKapiTerm term)
    {
        string text = OneLine(Written(term));
        return text == term.Spelling ? text : $"{term.Spelling} ({text})";
    }

    /// <summary>A named constant: <c>MCL_CURRENT = 0x1</c>; a value written as a plain number prints as that number.</summary>
    public static string Named(KapiNamedValue named, KapiArchitecture arch, bool hex)
    {
        var v = named.Value.Get(arch);
        string number = v is long n ? (hex ? Hex(n) : Dec(n)) : "?";
        if (string.IsNullOrEmpty(named.Name) || named.Value.IsLiteral) return named.Value.IsLiteral ? OneLine(Written(named.Value)) : number;
        return $"{named.Name} = {number}";
    }

#pragma warning disable RS0030 // display: the spec's own spelling, printed next to the value
    /// <summary>The value as the spec wrote it (display only).</summary>
    public static string Written(KapiValue value) => value.Expression;

    /// <summary>The vocabulary value as the spec wrote it (display only).</summary>
    public static string Written(IKapiTerm term) => term.Text;
#pragma warning restore RS0030

    public static string OneLine(string s)
    {
        if (s.IndexOf('\n') < 0 && s.IndexOf('\r') < 0 && s.IndexOf('\t') < 0) return s;
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space) sb.Append(' ');
                space = true;
            }
            else
            {
                sb.Append(c);
                space = false;
            }
        }
        return sb.ToString();
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Kapi.Robustness.Tests.Infrastructure;

/// <summary>
/// Spec files whose every string field (the ones that land in generated code: doc comments, string literals,
/// identifiers) carries a tagged payload: <c>"F07:" + payload</c>. The tag makes each field findable after the
/// round trip; the payload is what must survive it exactly.
/// </summary>
internal static class HostileSpecs
{
    /// <summary>The marker that must never appear in generated code outside string literals and comments.</summary>
    public const string Marker = "INJECTED";

    /// <summary>Text aimed at every escaping layer: C# strings, comments, XML docs, preprocessor, Unicode.</summary>
    public static readonly string Markup =
        "\"quoted\" back\\slash \\\" */ /* // </summary> </param> <param name=\"x\"> <see cref=\"System.Object\"/> ]]> <![CDATA[ x ]]> " +
        "&amp; & &#x41; &bogus; \\u0022 \\x22 @\"verbatim\" $\"{interp}\" \"\"\"raw\"\"\" " +
        "#endregion #region #if X #error INJECTED_error #pragma warning disable { } }} {{ \n" +
        "}\n}\nclass INJECTED_Class { } \r\n/// <summary>INJECTED_Doc</summary>\r\t\"); INJECTED_Call(); //" +
        " \u202E INJECTED_Rlo \u202C \u2066 isolate \u2067\u2068\u2069 \u200E\u200F marks \u061C" +
        " \u200B zero\u200Bwidth \u200C\u200D \u2060 \uFEFF bom \u00AD soft \u2028 ls \u2029 ps \u0085 nel" +
        " \uD83D\uDE00 emoji é 漢字 tag\U000E0041\U000E007F end";

    /// <summary>C0/C1 controls, NUL, DEL and an ANSI escape.</summary>
    public static readonly string Controls =
        "nul\0 soh\u0001 bel\u0007 bs\b vt\u000B ff\f esc\u001B[31m red del\u007F c1\u0080\u009F tab\t cr\r lf\n end";

    /// <summary>Lone and reversed surrogates (no valid UTF-16), and a valid pair.</summary>
    public static readonly string Surrogates = "high\uD800 low\uDC00 reversed\uDC00\uD800 pair\uD83D\uDE00 end";

    /// <summary>Leading, trailing and only-whitespace text.</summary>
    public static readonly string Whitespace = "  \t spaced  \n\n  ";

    /// <summary>Long text (beyond the kernel's 512-byte description arrays).</summary>
    public static readonly string Long = string.Concat(System.Linq.Enumerable.Repeat("long */ \"text\" </summary> ", 120));

    public static readonly IReadOnlyDictionary<string, string> Payloads = new Dictionary<string, string>
    {
        ["Markup"] = Markup,
        ["Controls"] = Controls,
        ["Surrogates"] = Surrogates,
        ["Whitespace"] = Whitespace,
        ["Long"] = Long,
    };

    /// <summary>A C string literal (or several adjacent ones) whose value is <paramref name="value"/>.</summary>
    public static string CString(string value, bool split = false)
    {
        var sb = new StringBuilder("\"");
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (split && i == value.Length / 2) sb.Append("\"\n\t\t\"");
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    // Other controls as three-digit octal escapes (bounded, unlike \x); everything else as itself.
                    if (c < 0x20 || c == 0x7F) sb.Append('\\').Append(Convert.ToString(c, 8).PadLeft(3, '0'));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    /// <summary>Name fields carry the payload without the marker, so that sanitized identifiers do not contain it.</summary>
    public static string NameValue(string tag, string payload) => tag + ":" + payload.Replace(Marker, "named", StringComparison.Ordinal);

    public static string TextValue(string tag, string payload) => tag + ":" + payload;

    /// <summary>The tags of name fields (parameter, error, struct-field names …): the rest are free text.</summary>
    public static readonly HashSet<string> NameTags = new(StringComparer.Ordinal) { "F03", "F06", "F10", "F13", "F40", "F66" };

    public static string Value(string tag, string payload) => NameTags.Contains(tag) ? NameValue(tag, payload) : TextValue(tag, payload);

    /// <summary>
    /// Three specs in one file: a system call (every section, a mask-checked parameter so that the binding validates),
    /// an ioctl and a sysfs attribute. <paramref name="value"/> maps a field tag to the field's text.
    /// </summary>
    public static string File(Func<string, string> value)
    {
        string S(string tag, bool split = false) => CString(value(tag), split);
        return $$"""
            /* Hostile strings in every field that reaches generated code. */
            DEFINE_KERNEL_API_SPEC(sys_kapi_inject)
            	KAPI_DESCRIPTION({{S("F01")}})
            	KAPI_LONG_DESC({{S("F02", split: true)}})
            	KAPI_CONTEXT(KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE)
            	KAPI_PARAM(0, {{S("F03")}}, "int", {{S("F04")}})
            		KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
            		KAPI_PARAM_TYPE(KAPI_TYPE_INT)
            		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_MASK)
            		.valid_mask = MCL_CURRENT | MCL_FUTURE,
            		KAPI_PARAM_CONSTRAINT({{S("F05")}})
            	KAPI_PARAM_END
            	KAPI_PARAM(1, {{S("F06")}}, "int", {{S("F07")}})
            		KAPI_PARAM_TYPE(KAPI_TYPE_INT)
            		KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_RANGE)
            		KAPI_PARAM_RANGE(0, 10)
            	KAPI_PARAM_END
            	KAPI_RETURN({{S("F08")}}, {{S("F09")}})
            		KAPI_RETURN_TYPE(KAPI_TYPE_INT)
            		KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_ERROR_CHECK)
            		KAPI_RETURN_SUCCESS(0)
            	KAPI_RETURN_END
            	KAPI_ERROR(0, -EINVAL, {{S("F10")}}, {{S("F11")}}, {{S("F12")}})
            	KAPI_ERROR(1, -1, {{S("F13")}}, {{S("F14")}}, {{S("F15")}})
            	KAPI_ERROR_COUNT(2)
            	KAPI_PARAM_COUNT(2)
            	KAPI_SIGNAL(0, SIGKILL, {{S("F16")}}, KAPI_SIGNAL_RECEIVE, KAPI_SIGNAL_ACTION_TERMINATE)
            		KAPI_SIGNAL_TARGET({{S("F17")}})
            		KAPI_SIGNAL_CONDITION({{S("F18")}})
            		KAPI_SIGNAL_DESC({{S("F19")}})
            	KAPI_SIGNAL_END
            	KAPI_SIGNAL_COUNT(1)
            	KAPI_SIGNAL_MASK(0, {{S("F20")}}, {{S("F21")}})
            		KAPI_SIGNAL_MASK_SIGNALS(SIGINT, SIGTERM)
            	KAPI_SIGNAL_MASK_END
            	KAPI_SIGNAL_MASK_COUNT(1)
            	KAPI_SIDE_EFFECT(0, KAPI_EFFECT_MODIFY_STATE, {{S("F22")}}, {{S("F23")}})
            		KAPI_EFFECT_CONDITION({{S("F24")}})
            		KAPI_EFFECT_REVERSIBLE
            	KAPI_SIDE_EFFECT_END
            	KAPI_SIDE_EFFECT_COUNT(1)
            	KAPI_STATE_TRANS(0, {{S("F25")}}, {{S("F26")}}, {{S("F27")}}, {{S("F28")}})
            		KAPI_STATE_TRANS_COND({{S("F29")}})
            	KAPI_STATE_TRANS_END
            	KAPI_STATE_TRANS_COUNT(1)
            	KAPI_LOCK(0, {{S("F30")}}, KAPI_LOCK_MUTEX)
            		KAPI_LOCK_DESC({{S("F31")}})
            		KAPI_LOCK_ACQUIRED
            	KAPI_LOCK_END
            	KAPI_LOCK_COUNT(1)
            	KAPI_CAPABILITY(0, CAP_IPC_LOCK, {{S("F32")}}, KAPI_CAP_BYPASS_CHECK)
            		KAPI_CAP_ALLOWS({{S("F33")}})
            		KAPI_CAP_WITHOUT({{S("F34")}})
            		KAPI_CAP_CONDITION({{S("F35")}})
            	KAPI_CAPABILITY_END
            	KAPI_CAPABILITY_COUNT(1)
            	KAPI_CONSTRAINT(0, {{S("F36")}}, {{S("F37")}})
            		KAPI_CONSTRAINT_EXPR({{S("F38")}})
            	KAPI_CONSTRAINT_END
            	KAPI_CONSTRAINT_COUNT(1)
            	KAPI_STRUCT_SPEC(0, kapi_inject_struct, {{S("F39")}})
            		KAPI_STRUCT_SIZE(8, 8)
            		KAPI_STRUCT_FIELD_COUNT(1)
            		KAPI_STRUCT_FIELD(0, {{S("F40")}}, KAPI_TYPE_INT, {{S("F41")}}, {{S("F42")}})
            			KAPI_FIELD_OFFSET(0)
            			KAPI_FIELD_SIZE(4)
            		KAPI_STRUCT_FIELD_END
            	KAPI_STRUCT_SPEC_END
            	KAPI_STRUCT_SPEC_COUNT(1)
            	KAPI_NET_CONN_ESTABLISH({{S("F47")}})
            	KAPI_NET_CONN_TERMINATE({{S("F48")}})
            	KAPI_NET_DATA_TRANSFER({{S("F49")}})
            	KAPI_PROTOCOL_BEHAVIOR(0, KAPI_PROTO_TCP, {{S("F50")}})
            		KAPI_PROTOCOL_FLAGS(0, {{S("F51")}})
            	KAPI_PROTOCOL_BEHAVIOR_END
            	KAPI_PROTOCOL_BEHAVIOR_COUNT(1)
            	KAPI_BUFFER_SPEC(KAPI_BUF_PEEK)
            		KAPI_BUFFER_PARTIAL(true, {{S("F52")}})
            		KAPI_BUFFER_FRAGMENT({{S("F53")}})
            	KAPI_BUFFER_END
            	KAPI_ASYNC_SPEC(KAPI_ASYNC_BLOCK, -EAGAIN)
            		KAPI_ASYNC_COMPLETION({{S("F54")}})
            		KAPI_ASYNC_TIMEOUT(true, {{S("F55")}})
            	KAPI_ASYNC_END
            	KAPI_ADDR_FAMILY(0, AF_INET, {{S("F56")}}, 16, 16, 16)
            		KAPI_ADDR_FORMAT({{S("F57")}})
            		KAPI_ADDR_SPECIAL({{S("F58")}})
            	KAPI_ADDR_FAMILY_END
            	KAPI_ADDR_FAMILY_COUNT(1)
            	KAPI_SOCKET_STATE_REQ(KAPI_SOCK_STATE_CONNECTED)
            		KAPI_SOCKET_STATE_COND({{S("F59")}})
            	KAPI_SOCKET_STATE_END
            	.examples = {{S("F43", split: true)}},
            	KAPI_NOTES({{S("F44")}})
            	KAPI_SINCE_VERSION({{S("F45")}})
            	KAPI_DEPRECATED
            	KAPI_REPLACEMENT({{S("F46")}})
            KAPI_END_SPEC;

            DEFINE_KAPI_IOCTL_SPEC(kapi_inject_ioctl)
            	KAPI_DESCRIPTION({{S("F60")}})
            	KAPI_IOCTL_CMD(0x4004AA01)
            	KAPI_IOCTL_CMD_NAME({{S("F61")}})
            	KAPI_IOCTL_INPUT_SIZE(4)
            	KAPI_IOCTL_OUTPUT_SIZE(0)
            	KAPI_IOCTL_FILE_OPS_NAME({{S("F62")}})
            KAPI_END_SPEC;

            DEFINE_SYSFS_API_SPEC(kapi_inject_attr)
            	KAPI_DESCRIPTION({{S("F63")}})
            	KAPI_SUBSYSTEM({{S("F64")}})
            	KAPI_DEVICE_TYPE({{S("F65")}})
            	KAPI_PARAM(0, {{S("F66")}}, "int", {{S("F67")}})
            		KAPI_PATH({{S("F68")}})
            		KAPI_PERMISSIONS(0644)
            		KAPI_DEFAULT({{S("F69")}})
            		KAPI_UNITS({{S("F70")}})
            	KAPI_PARAM_END
            KAPI_END_SPEC;
            """;
    }

    /// <summary>All tags used by <see cref="File"/>.</summary>
    public static IEnumerable<string> Tags
    {
        get
        {
            for (int i = 1; i <= 70; i++) yield return "F" + i.ToString("00", CultureInfo.InvariantCulture);
        }
    }
}

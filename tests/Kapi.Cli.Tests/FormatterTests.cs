using System.Linq;
using System.Text.Json;
using Kapi.Architectures;
using Kapi.Cli.Output;
using Kapi.Collections;
using Kapi.Model;
using Xunit;

namespace Kapi.Cli.Tests;

/// <summary>
/// The formatters over a hand-built model that fills every section (independent of the parser), so that each
/// section's output and the JSON field names are pinned down.
/// </summary>
public sealed class FormatterTests
{
    private static KapiValue U(string expr, long v) => KapiValue.Uniform(expr, v);

    private static KapiValue Mask() => new("MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT", 7, 7, 7, 7, 0xE000, 7, 7, 7);

    private static EquatableArray<T> A<T>(params T[] items) => new(items);

    internal static ApiSpec Full()
    {
        var param = new ParamSpec(
            0, "flags", "int", "Flags \"quoted\"\tand\u0001control", U("KAPI_TYPE_INT", 1), U("KAPI_PARAM_IN | KAPI_PARAM_USER", 65),
            U("KAPI_CONSTRAINT_MASK", 2), U("-1", -1), U("SIZE_MAX", -1), Mask(),
            A(new KapiNamedValue("MCL_CURRENT", U("MCL_CURRENT", 1))), U("MCL_CURRENT | MCL_FUTURE", 3), null,
            A(new KapiNamedValue("EPOLL_CLOEXEC", U("EPOLL_CLOEXEC", 0x80000)), new KapiNamedValue("", U("0", 0))), 2,
            U("8", 8), U("4", 4), 1, U("sizeof(struct epoll_event)", 12), "at least one of MCL_CURRENT, MCL_FUTURE", null, null);
        var ret = new ReturnSpec("long", "0 or error", U("KAPI_TYPE_INT", 1), U("KAPI_RETURN_ERROR_CHECK", 2), U("0", 0), null, null,
            A(U("-EINVAL", -22), new KapiValue("-EDEADLOCK", -35, -35, -35, -35, -58, -35, -35, -35)), 2, null);
        var signal = new SignalSpec(0, U("SIGBUS", 7), "SIGBUS", U("KAPI_SIGNAL_SEND", 2), U("KAPI_SIGNAL_ACTION_DEFAULT", 0), "Current process",
            "bad page", "later", false, null, null, U("-EINTR", -4), null, "during", U("2", 2), true, "standard", null, null);
        var cap = new CapabilitySpec(0, U("CAP_IPC_LOCK", 14), "CAP_IPC_LOCK", U("KAPI_CAP_BYPASS_CHECK", 0), "lock anything", "limited", "always", U("1", 1),
            A(U("CAP_SYS_ADMIN", 21)));
        var st = new StructSpec(0, "epoll_event", "event", U("sizeof(struct epoll_event)", 12), U("4", 4),
            A(new StructFieldSpec(0, "events", U("KAPI_TYPE_UINT", 2), "__u32", "mask", U("0", 0), U("4", 4), U("KAPI_PARAM_IN", 1),
                U("KAPI_CONSTRAINT_MASK", 2), null, null, U("EPOLLIN | EPOLLOUT", 5), EquatableArray<KapiNamedValue>.Empty)));
        var net = new NetworkInfo(
            new SocketStateSpec(A(U("KAPI_SOCK_STATE_OPEN", 2)), EquatableArray<KapiValue>.Empty, U("KAPI_SOCK_STATE_BOUND", 3), "unbound", U("KAPI_PROTO_TCP", 1)),
            A(new ProtocolBehaviorSpec(0, U("KAPI_PROTO_UDP", 2), "datagram", null, null)),
            new BufferSpec(U("KAPI_BUF_PEEK", 1), U("1", 1), U("65536", 65536), null, true, "partial", null),
            new AsyncSpec(U("KAPI_ASYNC_NONBLOCK", 1), U("-EAGAIN", -11), null, null, null, false, null),
            A(new AddressFamilySpec(0, U("AF_INET", 2), "AF_INET", U("sizeof(struct sockaddr_in)", 16), U("16", 16), U("16", 16), "a.b.c.d", true, true, true, null, U("0", 0), U("65535", 65535))),
            true, false, false, true, true, false, "three-way handshake", null, "byte stream");
        return new ApiSpec(
            "sys_full", ApiKind.Function, "Full", "Long\nlines", U("KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE", 33),
            A(param), ret, A(new ErrorSpec(0, U("-EINVAL", -22), "EINVAL", "bad", "Bad flags.")),
            A(signal), A(new SignalMaskSpec(0, "blocked", "signals blocked", A(U("SIGINT", 2)))),
            A(new SideEffectSpec(0, U("KAPI_EFFECT_MODIFY_STATE | KAPI_EFFECT_ALLOC_MEMORY", 5), "memory", "always", "locks", true)),
            A(new StateTransitionSpec(0, "pages", "swappable", "locked", "MCL_CURRENT", "all pages")),
            A(new LockSpec(0, "mmap_lock", U("KAPI_LOCK_RWLOCK", 3), true, false, false, false, null, "map lock")),
            A(cap), A(new ConstraintSpec(0, "limit", "within RLIMIT_MEMLOCK", "locked <= rlimit")), A(st),
            "full(1);\nfull(2);", "notes", "2.0", true, "sys_other", EquatableArray<DeclaredCount>.Empty,
            null, null, net);
    }

    [Fact]
    public void Json_details_has_every_upstream_key_and_is_valid()
    {
        var json = JsonFormatter.Details(Full(), KapiArch.Ppc64le);
        using var doc = JsonDocument.Parse(json);
        var d = doc.RootElement.GetProperty("api_details");
        foreach (var key in new[] { "name", "description", "long_description", "context_flags", "examples", "notes", "since_version", "socket_state", "protocol_behaviors", "addr_families", "buffer_spec", "async_spec", "net_data_transfer", "capabilities", "state_transitions", "side_effects", "parameters", "return_spec", "errors", "locks", "struct_specs", "signals", "signal_masks", "constraints" })
        {
            Assert.True(d.TryGetProperty(key, out _), "api_details lacks " + key);
        }
        var p = d.GetProperty("parameters")[0];
        Assert.Equal("Flags \"quoted\"\tand\u0001control", p.GetProperty("description").GetString());
        Assert.Equal(0xE000UL, p.GetProperty("valid_mask").GetUInt64());
        Assert.Equal(-1, p.GetProperty("max_value").GetInt64());
        Assert.Equal(new[] { "EPOLL_CLOEXEC", "0" }, p.GetProperty("enum_values").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, p.GetProperty("size_param_idx").GetInt32());
        Assert.Equal("SIZE_MAX", p.GetProperty("expressions").GetProperty("max_value").GetString());
        Assert.Equal(new[] { -22, -58 }, d.GetProperty("return_spec").GetProperty("error_values").EnumerateArray().Select(e => e.GetInt32()));
        var sig = d.GetProperty("signals")[0];
        foreach (var key in new[] { "signal_num", "signal_name", "direction", "action", "target", "condition", "description", "timing", "priority", "restartable", "interruptible", "queue", "sa_flags", "sa_flags_required", "sa_flags_forbidden", "state_required", "state_forbidden", "error_on_signal", "transform_to" })
        {
            Assert.True(sig.TryGetProperty(key, out _), "signal lacks " + key);
        }
        Assert.Equal(1, sig.GetProperty("timing").GetInt32());
        Assert.Equal(-4, sig.GetProperty("error_on_signal").GetInt32());
        Assert.Equal(JsonValueKind.Null, sig.GetProperty("transform_to").ValueKind);
        Assert.Equal(1, d.GetProperty("locks")[0].GetProperty("scope").GetInt32());
        var cap = d.GetProperty("capabilities")[0];
        Assert.Equal(14, cap.GetProperty("capability").GetInt32());
        Assert.Equal("KAPI_CAP_BYPASS_CHECK", cap.GetProperty("action").GetString());
        Assert.Equal(new[] { 21 }, cap.GetProperty("alternatives").EnumerateArray().Select(e => e.GetInt32()));
        var field = d.GetProperty("struct_specs")[0].GetProperty("fields")[0];
        foreach (var key in new[] { "name", "field_type", "type_name", "offset", "size", "flags", "constraint_type", "min_value", "max_value", "valid_mask", "description" })
        {
            Assert.True(field.TryGetProperty(key, out _), "struct field lacks " + key);
        }
        Assert.Equal(5, d.GetProperty("side_effects")[0].GetProperty("effect_type").GetInt32());
        Assert.Equal(16, d.GetProperty("addr_families")[0].GetProperty("addr_struct_size").GetInt32());
    }

    [Fact]
    public void Json_escapes_lone_surrogates()
    {
        var spec = Full() with { Description = "bad \ud800 surrogate" };
        using var doc = JsonDocument.Parse(JsonFormatter.Details(spec, KapiArch.X64));
        Assert.Equal("bad \uFFFD surrogate", doc.RootElement.GetProperty("api_details").GetProperty("description").GetString());
    }

    [Fact]
    public void Plain_details_prints_every_section()
    {
        var o = PlainFormatter.Details(Full(), KapiArch.Ppc64le);
        foreach (var part in new[]
        {
            "Detailed information for sys_full:", "Architecture: ppc64le", "Deprecated: yes (replacement: sys_other)",
            "      Flags: IN | USER", "      Valid mask: 0xe000 (MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)",
            "      Range: -1 to -1 (SIZE_MAX)", "      Enum values: EPOLL_CLOEXEC (524288), 0", "      Size parameter: [1] x 12 (sizeof(struct epoll_event))",
            "  Error values: -22 (-EINVAL), -58 (-EDEADLOCK)", "Socket State Requirements:", "Supported Address Families:", "  AF_INET (2):",
            "Buffer Specification:", "Asynchronous Operation:", "Network Data Transfer: byte stream", "Required Capabilities:", "  CAP_IPC_LOCK (14) - KAPI_CAP_BYPASS_CHECK",
            "Signal Specifications (1):", "  SIGBUS (7) - SEND - DEFAULT", "      Timing: DURING (during)", "Signal Masks (1):", "Side Effects (1):",
            "      Type: ALLOC_MEMORY | MODIFY_STATE\n", "State Transitions (1):", "  pages : swappable -> locked",
            "Additional Constraints (1):", "Locking Requirements (1):", "      Scope: acquired (not released)", "Structure Specifications (1):",
            "  epoll_event (size=12 (sizeof(struct epoll_event)), align=4):", "          Mask: 0x5 (EPOLLIN | EPOLLOUT)",
        })
        {
            Assert.Contains(part, o);
        }
    }

    [Fact]
    public void Rst_details_prints_every_section()
    {
        var o = RstFormatter.Details(Full(), KapiArch.X64);
        foreach (var part in new[]
        {
            "\nsys_full\n========\n", "**Full**", "Parameters (1)\n--------------", "  :Flags: IN, USER", "Return Value\n------------",
            "Required Capabilities\n---------------------", "Signals (1)\n-----------", "Signal Masks (1)\n----------------", "Side Effects (1)\n----------------",
            "* **memory** *(reversible)*", "State Transitions (1)\n---------------------", "* **pages**: swappable → locked", "Constraints (1)\n---------------",
            "Locks (1)\n---------", "Structure Specifications (1)\n----------------------------", "Socket State Requirements\n-------------------------",
            ".. code-block:: c\n\n   full(1);\n   full(2);\n",
        })
        {
            Assert.Contains(part, o);
        }
    }

    [Fact]
    public void Unknown_values_print_their_expression()
    {
        var spec = Full() with
        {
            Params = A(Full().Params[0] with { ValidMask = new KapiValue("MCL_NEW", null, null, null, null, null, null, null, null) }),
        };
        Assert.Contains("Valid mask: ? (MCL_NEW) [unknown on x64]", PlainFormatter.Details(spec, KapiArch.X64));
        using var doc = JsonDocument.Parse(JsonFormatter.Details(spec, KapiArch.X64));
        var p = doc.RootElement.GetProperty("api_details").GetProperty("parameters")[0];
        Assert.Equal(JsonValueKind.Null, p.GetProperty("valid_mask").ValueKind);
        Assert.Equal("MCL_NEW", p.GetProperty("expressions").GetProperty("valid_mask").GetString());
    }

    [Fact]
    public void Suggestions_rank_close_names_first()
    {
        var names = new[] { "sys_mlock", "sys_mlock2", "sys_mlockall", "sys_munlockall", "binder_version" };
        Assert.Equal("sys_mlockall", Suggestions.For("mlockall", names)[0]);
        Assert.Equal("sys_mlockall", Suggestions.For("sys_mlockal", names)[0]);
        Assert.Empty(Suggestions.For("zzzzzzzz", names));
    }
}

using System.Linq;
using System.Text.Json;
using Kapi.Architectures;
using Kapi.Cli.Output;
using Kapi.Collections;
using Kapi.Model;
using Kapi.Vocabulary;
using Xunit;

namespace Kapi.Cli.Tests;

/// <summary>
/// The formatters over a hand-built model that fills every section (independent of the parser), so that each
/// section's output and the JSON field names are pinned down.
/// </summary>
public sealed class FormatterTests
{
    private static KapiValue U(string expr, long v) => KapiValue.Uniform(expr, v);

    private static KapiValue Literal(long v) => KapiValue.Uniform(v.ToString(System.Globalization.CultureInfo.InvariantCulture), v) with { IsLiteral = true };

    private static KapiTerm<T> T<T>(T value, string text)
        where T : struct, System.Enum => new(value, text);

    private static KapiValue Mask() => new("MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT", 7, 7, 7, 7, 0xE000, 7, 7, 7);

    private static EquatableArray<TItem> A<TItem>(params TItem[] items) => new(items);

    internal static ApiSpec Full()
    {
        var param = new ParamSpec
        {
            Index = 0, Name = "flags", CTypeName = "int", Description = "Flags \"quoted\"\tand\u0001control",
            Type = T(KapiParamType.Int, "KAPI_TYPE_INT"), Flags = T(KapiParamFlags.In | KapiParamFlags.User, "KAPI_PARAM_IN | KAPI_PARAM_USER"),
            ConstraintType = T(KapiConstraintKind.Mask, "KAPI_CONSTRAINT_MASK"), MinValue = Literal(-1), MaxValue = U("SIZE_MAX", -1), ValidMask = Mask(),
            MaskFlags = A(new KapiNamedValue("MCL_CURRENT", U("MCL_CURRENT", 1))), RequiredMask = U("MCL_CURRENT | MCL_FUTURE", 3),
            EnumValues = A(new KapiNamedValue("EPOLL_CLOEXEC", U("EPOLL_CLOEXEC", 0x80000)), new KapiNamedValue("", Literal(0))), EnumCount = 2,
            Size = Literal(8), Alignment = Literal(4), SizeParamIndex = 1, SizeMultiplier = U("sizeof(struct epoll_event)", 12),
            ConstraintText = "at least one of MCL_CURRENT, MCL_FUTURE",
        };
        var ret = new ReturnSpec
        {
            CTypeName = "long", Description = "0 or error", Type = T(KapiParamType.Int, "KAPI_TYPE_INT"),
            CheckType = T(KapiReturnCheck.ErrorCheck, "KAPI_RETURN_ERROR_CHECK"), SuccessValue = Literal(0),
            ErrorValues = A(U("-EINVAL", -22), new KapiValue("-EDEADLOCK", -35, -35, -35, -35, -58, -35, -35, -35)), ErrorCount = 2,
        };
        var signal = new SignalSpec
        {
            Index = 0, SignalNumber = U("SIGBUS", 7), SignalName = "SIGBUS", Direction = T(KapiSignalDirections.Send, "KAPI_SIGNAL_SEND"),
            Action = T(KapiSignalAction.Default, "KAPI_SIGNAL_ACTION_DEFAULT"), Target = "Current process", Condition = "bad page",
            Description = "later", ErrorOnSignal = U("-EINTR", -4), Timing = T(KapiSignalTiming.During, "during"), Priority = Literal(2),
            Interruptible = true, QueueBehavior = "standard",
        };
        var cap = new CapabilitySpec
        {
            Index = 0, Capability = U("CAP_IPC_LOCK", 14), Name = "CAP_IPC_LOCK", Action = T(KapiCapabilityAction.BypassCheck, "KAPI_CAP_BYPASS_CHECK"),
            Allows = "lock anything", WithoutCapability = "limited", Condition = "always", Priority = Literal(1), Alternatives = A(U("CAP_SYS_ADMIN", 21)),
        };
        var st = new StructSpec
        {
            Index = 0, Name = "epoll_event", Description = "event", Size = U("sizeof(struct epoll_event)", 12), Alignment = Literal(4),
            Fields = A(new StructFieldSpec
            {
                Index = 0, Name = "events", Type = T(KapiParamType.Uint, "KAPI_TYPE_UINT"), CTypeName = "__u32", Description = "mask",
                Offset = Literal(0), Size = Literal(4), Flags = T(KapiParamFlags.In, "KAPI_PARAM_IN"),
                ConstraintType = T(KapiConstraintKind.Mask, "KAPI_CONSTRAINT_MASK"), ValidMask = U("EPOLLIN | EPOLLOUT", 5),
            }),
        };
        var net = new NetworkInfo
        {
            SocketState = new SocketStateSpec
            {
                RequiredStates = A(U("KAPI_SOCK_STATE_OPEN", 2)), ResultingState = U("KAPI_SOCK_STATE_BOUND", 3), Condition = "unbound",
                ApplicableProtocols = U("KAPI_PROTO_TCP", 1),
            },
            ProtocolBehaviors = A(new ProtocolBehaviorSpec { Index = 0, ApplicableProtocols = U("KAPI_PROTO_UDP", 2), Behavior = "datagram" }),
            Buffer = new BufferSpec { Behaviors = U("KAPI_BUF_PEEK", 1), MinSize = Literal(1), MaxSize = Literal(65536), CanPartialTransfer = true, PartialTransferRules = "partial" },
            Async = new AsyncSpec { SupportedModes = U("KAPI_ASYNC_NONBLOCK", 1), NonblockErrno = U("-EAGAIN", -11) },
            AddressFamilies = A(new AddressFamilySpec
            {
                Index = 0, Family = U("AF_INET", 2), FamilyName = "AF_INET", AddressStructSize = U("sizeof(struct sockaddr_in)", 16),
                MinAddressLength = Literal(16), MaxAddressLength = Literal(16), AddressFormat = "a.b.c.d", SupportsWildcard = true,
                SupportsMulticast = true, SupportsBroadcast = true, PortRangeMin = Literal(0), PortRangeMax = Literal(65535),
            }),
            IsConnectionOriented = true, SupportsPeek = true, SupportsSelectPoll = true, ConnectionEstablishment = "three-way handshake",
            DataTransferSemantics = "byte stream",
        };
        return new ApiSpec
        {
            Name = "sys_full", Kind = ApiKind.Function, Description = "Full", LongDescription = "Long\nlines",
            ContextFlags = T(KapiContextFlags.Process | KapiContextFlags.Sleepable, "KAPI_CTX_PROCESS | KAPI_CTX_SLEEPABLE"),
            Params = A(param), Return = ret,
            Errors = A(new ErrorSpec { Index = 0, Code = U("-EINVAL", -22), ErrnoName = "EINVAL", Name = "EINVAL", Condition = "bad", Description = "Bad flags." }),
            Signals = A(signal), SignalMasks = A(new SignalMaskSpec { Index = 0, Name = "blocked", Description = "signals blocked", Signals = A(U("SIGINT", 2)) }),
            SideEffects = A(new SideEffectSpec
            {
                Index = 0, Type = T(KapiEffects.ModifyState | KapiEffects.AllocMemory, "KAPI_EFFECT_MODIFY_STATE | KAPI_EFFECT_ALLOC_MEMORY"),
                Target = "memory", Condition = "always", Description = "locks", Reversible = true,
            }),
            StateTransitions = A(new StateTransitionSpec { Index = 0, Object = "pages", FromState = "swappable", ToState = "locked", Condition = "MCL_CURRENT", Description = "all pages" }),
            Locks = A(new LockSpec
            {
                Index = 0, Name = "mmap_lock", LockType = T(KapiLockType.RwLock, "KAPI_LOCK_RWLOCK"), Acquired = true,
                Scope = T(KapiLockScope.Acquires, "KAPI_LOCK_ACQUIRES"), Description = "map lock",
            }),
            Capabilities = A(cap), Constraints = A(new ConstraintSpec { Index = 0, Name = "limit", Description = "within RLIMIT_MEMLOCK", Expression = "locked <= rlimit" }),
            StructSpecs = A(st), Examples = "full(1);\nfull(2);", Notes = "notes", SinceVersion = "2.0", Deprecated = true, Replacement = "sys_other",
            Network = net,
        };
    }

    [Fact]
    public void Json_details_has_every_upstream_key_and_is_valid()
    {
        var json = JsonFormatter.Details(Full(), KapiArchitecture.Ppc64le);
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
        using var doc = JsonDocument.Parse(JsonFormatter.Details(spec, KapiArchitecture.X64));
        Assert.Equal("bad \uFFFD surrogate", doc.RootElement.GetProperty("api_details").GetProperty("description").GetString());
    }

    [Fact]
    public void Plain_details_prints_every_section()
    {
        var o = PlainFormatter.Details(Full(), KapiArchitecture.Ppc64le);
        foreach (var part in new[]
        {
            "Detailed information for sys_full:", "Architecture: ppc64le", "Deprecated: yes", "Replacement: sys_other",
            "      Flags: KAPI_PARAM_IN | KAPI_PARAM_USER", "      Valid mask: 0xe000 (MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)",
            "      Minimum: -1\n      Maximum: -1 (SIZE_MAX)", "      Allowed values: EPOLL_CLOEXEC = 524288, 0", "      Size parameter: 1\n      Size multiplier: 12 (sizeof(struct epoll_event))",
            "  Error values: -22 (-EINVAL), -58 (-EDEADLOCK)", "Socket State Requirements:", "Supported Address Families (1):", "  [0] AF_INET (2)",
            "Buffer Specification:", "Asynchronous Operation:", "Network Data Transfer: byte stream", "Required Capabilities (1):", "  [0] CAP_IPC_LOCK (14)",
            "      Action: KAPI_CAP_BYPASS_CHECK", "Signal Specifications (1):", "  [0] SIGBUS (7)", "      Direction: KAPI_SIGNAL_SEND",
            "      Timing: KAPI_SIGNAL_TIME_DURING (during)", "Signal Masks (1):", "Side Effects (1):",
            "      Type: KAPI_EFFECT_ALLOC_MEMORY | KAPI_EFFECT_MODIFY_STATE (KAPI_EFFECT_MODIFY_STATE | KAPI_EFFECT_ALLOC_MEMORY)\n", "State Transitions (1):",
            "  [0] pages\n      From: swappable\n      To: locked", "Additional Constraints (1):", "Locking Requirements (1):", "      Scope: KAPI_LOCK_ACQUIRES",
            "Structure Specifications (1):", "  [0] epoll_event", "      Fields (1):", "        [0] events", "            Valid mask: 0x5 (EPOLLIN | EPOLLOUT)",
        })
        {
            Assert.Contains(part, o);
        }
    }

    [Fact]
    public void Rst_details_prints_every_section()
    {
        var o = RstFormatter.Details(Full(), KapiArchitecture.X64);
        foreach (var part in new[]
        {
            "\nsys_full\n========\n", ":Description: Full", "Parameters (1)\n--------------", "  :Flags: KAPI_PARAM_IN | KAPI_PARAM_USER", "Return Value\n------------",
            "Required Capabilities (1)\n-------------------------", "Signal Specifications (1)\n-------------------------", "Signal Masks (1)\n----------------",
            "Side Effects (1)\n----------------", "* **[0] memory**", "  :Reversible: yes", "State Transitions (1)\n---------------------", "* **[0] pages**",
            "Additional Constraints (1)\n--------------------------", "Locking Requirements (1)\n------------------------", "Structure Specifications (1)\n----------------------------",
            "Network\n-------", "Socket State Requirements\n~~~~~~~~~~~~~~~~~~~~~~~~~", ".. code-block:: c\n\n   full(1);\n   full(2);\n",
            "Detailed Description\n--------------------\n\nLong\nlines\n",
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
        Assert.Contains("Valid mask: ? (MCL_NEW) [unknown on x64]", PlainFormatter.Details(spec, KapiArchitecture.X64));
        using var doc = JsonDocument.Parse(JsonFormatter.Details(spec, KapiArchitecture.X64));
        var p = doc.RootElement.GetProperty("api_details").GetProperty("parameters")[0];
        Assert.Equal(JsonValueKind.Null, p.GetProperty("valid_mask").ValueKind);
        Assert.Equal("MCL_NEW", p.GetProperty("expressions").GetProperty("valid_mask").GetString());
    }

    [Fact]
    public void A_field_added_to_the_schema_reaches_every_format()
    {
        // `.version` was added by touching only ApiSpec.cs (model + schema), KapiMetadata.cs (runtime) and MacroTable.cs
        var model = KapiDocument.Bind("DEFINE_KERNEL_API_SPEC(sys_v)\n\t.version = 3,\n\tKAPI_DESCRIPTION(\"v\")\nKAPI_END_SPEC;\n", "v.kapi");
        Assert.Empty(model.Diagnostics);
        var spec = Assert.Single(model.Specs);
        Assert.Equal(3, spec.Version![KapiArchitecture.X64]);
        Assert.Contains("Spec version: 3\n", PlainFormatter.Details(spec, KapiArchitecture.X64));
        Assert.Contains(":Spec version: 3\n", RstFormatter.Details(spec, KapiArchitecture.X64));
        using var doc = JsonDocument.Parse(JsonFormatter.Details(spec, KapiArchitecture.X64));
        Assert.Equal(3, doc.RootElement.GetProperty("api_details").GetProperty("version").GetInt32());
    }

    [Fact]
    public void Suggestions_rank_close_names_first()
    {
        var names = new[] { "sys_mlock", "sys_mlock2", "sys_mlockall", "sys_munlockall", "binder_version" };
        Assert.Equal("sys_mlockall", Kapi.Binding.Suggestions.Ranked("mlockall", names, normalize: ApiNames.ForComparison)[0]);
        Assert.Equal("sys_mlockall", Kapi.Binding.Suggestions.Ranked("sys_mlockal", names, normalize: ApiNames.ForComparison)[0]);
        Assert.Empty(Kapi.Binding.Suggestions.Ranked("zzzzzzzz", names, normalize: ApiNames.ForComparison));
    }
}

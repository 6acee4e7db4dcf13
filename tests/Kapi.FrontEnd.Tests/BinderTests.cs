using Kapi.Architectures;
using Kapi.Diagnostics;
using Kapi.Vocabulary;
using static Kapi.FrontEnd.Tests.TestHelpers;

namespace Kapi.FrontEnd.Tests;

public class BinderTests
{
    [Fact]
    public void Raw_fields_bind_to_the_innermost_scope()
    {
        var spec = SingleSpec(Spec("""
            KAPI_PARAM(0, "a", "int", "a")
                .type = KAPI_TYPE_INT,
            KAPI_PARAM_END
            KAPI_RETURN("long", "r")
                .type = KAPI_TYPE_FD,
                .error_count = 0,
            KAPI_RETURN_END
            KAPI_SIDE_EFFECT(0, KAPI_EFFECT_NONE, "t", "d")
                .type = KAPI_EFFECT_ALLOC_MEMORY,
            KAPI_SIDE_EFFECT_END
            .error_count = 0,
            """));
        Assert.Equal(KapiParamType.Int, spec.Params[0].Type!.Value);
        Assert.Equal(KapiParamType.Fd, spec.Return!.Type!.Value);
        Assert.Equal(0, spec.Return.ErrorCount);
        Assert.Equal(KapiEffects.AllocMemory, spec.SideEffects[0].Type!.Value);
        Assert.Contains(spec.DeclaredCounts, c => c.Field == "error_count" && c.Value == 0);
    }

    [Fact]
    public void Last_assignment_wins()
    {
        var spec = SingleSpec(Spec("""
            KAPI_DESCRIPTION("first")
            .description = "second",
            KAPI_LOCK(0, "l", KAPI_LOCK_MUTEX)
                KAPI_LOCK_DESC("one")
                KAPI_LOCK_DESC("two")
            KAPI_LOCK_END
            """));
        Assert.Equal("second", spec.Description);
        Assert.Equal("two", spec.Locks[0].Description);
    }

    [Fact]
    public void Hand_written_lock_item_as_in_rfc1()
    {
        var spec = SingleSpec(Spec("""
            .locks[0] = {
                .lock_name = "mmap_lock",
                .lock_type = KAPI_LOCK_RWLOCK,
                .acquired = true,
                .released = true,
                .description = "Process memory map lock",
            },
            .lock_count = 1,
            """));
        var l = Assert.Single(spec.Locks);
        Assert.Equal("mmap_lock", l.Name);
        Assert.True(l.Acquired);
        Assert.True(l.Released);
        Assert.Equal(KapiLockScope.Internal, l.Scope!.Value);
        Assert.Equal("KAPI_LOCK_INTERNAL", l.Scope.Text);
        Assert.Equal(KapiLockType.RwLock, l.LockType!.Value);
    }

    [Theory]
    [InlineData("KAPI_LOCK_ACQUIRED", "KAPI_LOCK_ACQUIRES")]
    [InlineData("KAPI_LOCK_RELEASED", "KAPI_LOCK_RELEASES")]
    [InlineData("KAPI_LOCK_HELD_ENTRY", "KAPI_LOCK_CALLER_HELD")]
    [InlineData("", "KAPI_LOCK_INTERNAL")]
    public void Lock_scope_is_derived_from_the_booleans(string flag, string scope)
    {
        var spec = SingleSpec(Spec($"KAPI_LOCK(0, \"l\", KAPI_LOCK_MUTEX)\n{flag}\nKAPI_LOCK_END"));
        Assert.Equal(scope, spec.Locks[0].Scope!.Text);
    }

    [Fact]
    public void Unknown_macro_suggests_the_closest_name()
    {
        string text = Spec("KAPI_PARAM(0, \"a\", \"int\", \"a\")\n KAPI_PARAM_FLAG(KAPI_PARAM_IN)\nKAPI_PARAM_END");
        var d = Diagnostic(Bind(text), KapiDiagnostics.UnknownMacro);
        Assert.Equal("KAPI_PARAM_FLAG", At(text, d));
        Assert.Contains("did you mean 'KAPI_PARAM_FLAGS'", d.Message);
        Assert.Equal(KapiSeverity.Error, d.Severity);
    }

    [Fact]
    public void Wrong_argument_count()
    {
        string text = Spec("KAPI_ERROR(0, -EINVAL, \"EINVAL\", \"c\")");
        var d = Diagnostic(Bind(text), KapiDiagnostics.WrongArgumentCount);
        Assert.Equal("'KAPI_ERROR' takes 5 argument(s) but was given 4", d.Message);
        Assert.StartsWith("KAPI_ERROR(", At(text, d));
    }

    [Fact]
    public void End_macro_with_parentheses_is_an_argument_count_error()
    {
        var d = Diagnostic(Bind(Spec("KAPI_PARAM(0, \"a\", \"int\", \"a\")\nKAPI_PARAM_END(1)")), KapiDiagnostics.WrongArgumentCount);
        Assert.Contains("takes 0", d.Message);
    }

    [Fact]
    public void Wrong_argument_type_string_for_number_and_number_for_string()
    {
        string text = Spec("KAPI_DESCRIPTION(42)\nKAPI_CONTEXT(\"process\")");
        var model = Bind(text);
        var errors = model.Diagnostics.Where(d => d.Id == KapiDiagnostics.WrongArgumentType.Id).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal("42", At(text, errors[0]));
        Assert.Contains("a string literal", errors[0].Message);
        Assert.Equal("\"process\"", At(text, errors[1]));
    }

    [Fact]
    public void Unknown_field_suggests_a_field_of_the_scope()
    {
        string text = Spec("KAPI_PARAM(0, \"a\", \"int\", \"a\")\n .valid_maks = 1,\nKAPI_PARAM_END");
        var d = Diagnostic(Bind(text), KapiDiagnostics.UnknownField);
        Assert.Equal("valid_maks", At(text, d));
        Assert.Contains("did you mean '.valid_mask'", d.Message);
        Assert.Contains("a parameter", d.Message);
    }

    [Fact]
    public void Setter_outside_its_scope()
    {
        string text = Spec("KAPI_PARAM_RANGE(0, 10)");
        var d = Diagnostic(Bind(text), KapiDiagnostics.MacroOutOfScope);
        Assert.Equal("KAPI_PARAM_RANGE", At(text, d));
    }

    [Fact]
    public void Unclosed_scope_is_reported_at_its_opener()
    {
        string text = Spec("KAPI_PARAM(0, \"a\", \"int\", \"a\")\nKAPI_PARAM(1, \"b\", \"int\", \"b\")\nKAPI_PARAM_END");
        var model = Bind(text);
        var d = Diagnostic(model, KapiDiagnostics.UnclosedScope);
        Assert.Equal("KAPI_PARAM", At(text, d));
        Assert.Equal(text.IndexOf("KAPI_PARAM(0", StringComparison.Ordinal), d.Span.Start);
        Assert.Contains("KAPI_PARAM_END", d.Message);
        Assert.Equal(2, model.Specs[0].Params.Count);
    }

    [Fact]
    public void Closer_without_opener()
    {
        string text = Spec("KAPI_SIGNAL_END");
        var d = Diagnostic(Bind(text), KapiDiagnostics.UnexpectedCloser);
        Assert.Equal("KAPI_SIGNAL_END", At(text, d));
    }

    [Fact]
    public void Stray_closing_brace()
    {
        var d = Diagnostic(Bind(Spec("},")), KapiDiagnostics.UnexpectedCloser);
        Assert.Contains("no scope is open", d.Message);
    }

    [Fact]
    public void Duplicate_index_warns_and_the_later_item_wins()
    {
        string text = Spec("KAPI_ERROR(0, -EINVAL, \"EINVAL\", \"a\", \"a\")\nKAPI_ERROR(0, -EPERM, \"EPERM\", \"b\", \"b\")");
        var model = Bind(text);
        var d = Diagnostic(model, KapiDiagnostics.DuplicateIndex);
        Assert.Equal(KapiSeverity.Warning, d.Severity);
        Assert.Equal("EPERM", Assert.Single(model.Specs[0].Errors).Name);
    }

    [Fact]
    public void Index_out_of_range()
    {
        string text = Spec("KAPI_PARAM(16, \"a\", \"int\", \"a\")\nKAPI_PARAM_END");
        var d = Diagnostic(Bind(text), KapiDiagnostics.IndexOutOfRange);
        Assert.Equal("16", At(text, d));
        Assert.Contains("holds 16 items", d.Message);
    }

    [Fact]
    public void Declared_count_that_disagrees_with_the_items()
    {
        string text = Spec("""
            KAPI_ERROR(0, -EINVAL, "EINVAL", "a", "a")
            KAPI_ERROR(1, -EPERM, "EPERM", "a", "a")
            KAPI_ERROR(2, -ENOMEM, "ENOMEM", "a", "a")
            KAPI_ERROR(3, -EINTR, "EINTR", "a", "a")
            .error_count = 5,
            """);
        var model = Bind(text);
        var d = Diagnostic(model, KapiDiagnostics.CountMismatch);
        Assert.Equal(".error_count = 5", At(text, d));
        Assert.Equal("Spec 'sys_test' declares error_count = 5, but 4 item(s) are defined", d.Message);
    }

    [Fact]
    public void Missing_index_is_a_gap()
    {
        var d = Diagnostic(Bind(Spec("KAPI_ERROR(0, -EINVAL, \"EINVAL\", \"a\", \"a\")\nKAPI_ERROR(2, -EPERM, \"EPERM\", \"a\", \"a\")")), KapiDiagnostics.IndexGap);
        Assert.Contains("errors[1] is missing", d.Message);
    }

    [Fact]
    public void Duplicate_spec_name_in_a_file()
    {
        const string text = "DEFINE_KERNEL_API_SPEC(sys_a)\nKAPI_END_SPEC;\nDEFINE_KERNEL_API_SPEC(sys_a)\nKAPI_END_SPEC;";
        var model = Bind(text);
        var d = Diagnostic(model, KapiDiagnostics.DuplicateSpec);
        Assert.Equal(text.LastIndexOf("sys_a", StringComparison.Ordinal), d.Span.Start);
        Assert.Contains("line 1", d.Message);
        Assert.Single(model.Specs);
    }

    [Fact]
    public void Unknown_constant_is_a_warning_that_keeps_the_symbol()
    {
        string text = Spec("KAPI_PARAM(0, \"a\", \"int\", \"a\")\n .valid_mask = MCL_CURENT | MCL_FUTURE,\nKAPI_PARAM_END");
        var model = Bind(text);
        var d = Diagnostic(model, KapiDiagnostics.UnknownConstant);
        Assert.Equal(KapiSeverity.Warning, d.Severity);
        Assert.Equal("MCL_CURENT", At(text, d));
        Assert.Contains("did you mean 'MCL_CURRENT'", d.Message);
        var p = model.Specs[0].Params[0];
        Assert.Equal("MCL_CURENT | MCL_FUTURE", p.ValidMask!.Expression);
        Assert.Null(p.ValidMask[KapiArchitecture.X64]);
        Assert.False(model.HasErrors);
    }

    [Fact]
    public void Invalid_constant_expression()
    {
        string text = Spec("KAPI_PARAM(0, \"a\", \"int\", \"a\")\n .max_value = 10 / 0,\nKAPI_PARAM_END");
        var d = Diagnostic(Bind(text), KapiDiagnostics.BadConstantExpression);
        Assert.Equal("10 / 0", At(text, d));
        Assert.Contains("division by zero", d.Message);
    }

    [Fact]
    public void File_over_the_size_limit_gets_one_diagnostic()
    {
        var model = KapiDocument.Bind(new string(' ', 100), "big.kapi", new KapiParseOptions(MaxFileSize: 10));
        var d = Assert.Single(model.Diagnostics);
        Assert.Equal("KAPI0005", d.Id);
        Assert.Empty(model.Specs);
    }

    [Fact]
    public void Size_limit_counts_utf8_bytes_not_characters()
    {
        // 6 characters, 12 UTF-8 bytes
        var model = KapiDocument.Bind("éééééé", "wide.kapi", new KapiParseOptions(MaxFileSize: 10));
        var d = Assert.Single(model.Diagnostics);
        Assert.Equal("KAPI0005", d.Id);
        Assert.Contains("12 bytes", d.Message);
        Assert.DoesNotContain(KapiDocument.Bind("ééééé", "ok.kapi", new KapiParseOptions(MaxFileSize: 10)).Diagnostics, x => x.Id == "KAPI0005");
    }

    [Fact]
    public void Extension_fields_required_mask_and_enum_mask()
    {
        var spec = SingleSpec(Spec("""
            KAPI_PARAM(0, "flags", "int", "f")
                KAPI_PARAM_CONSTRAINT_TYPE(KAPI_CONSTRAINT_MASK)
                KAPI_PARAM_VALID_MASK(O_CREAT | O_CLOEXEC)
                KAPI_PARAM_ENUM_MASK(O_ACCMODE)
                KAPI_PARAM_ENUM_VALUES((const s64[]){O_RDONLY, O_WRONLY, O_RDWR})
            KAPI_PARAM_END
            KAPI_PARAM(1, "how", "int", "h")
                .valid_mask = MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT,
                .required_mask = MCL_CURRENT | MCL_FUTURE,
            KAPI_PARAM_END
            """));
        Assert.Equal(3, spec.Params[0].EnumMask![KapiArchitecture.X64]);
        Assert.Equal(new[] { "O_RDONLY", "O_WRONLY", "O_RDWR" }, spec.Params[0].EnumValues.Select(v => v.Name));
        Assert.Equal(3, spec.Params[0].EnumCount);
        Assert.Equal(3, spec.Params[1].RequiredMask![KapiArchitecture.X64]);
        Assert.Equal(0x6000, spec.Params[1].RequiredMask![KapiArchitecture.Ppc64le]);
    }

    [Theory]
    [InlineData("KAPI_PARAM_IGNORES_UNKNOWN_BITS", true)]
    [InlineData(".ignores_unknown_bits = true,", true)]
    [InlineData("", false)]
    public void Extension_ignores_unknown_bits(string line, bool expected)
    {
        var spec = SingleSpec(Spec($"KAPI_PARAM(0, \"flags\", \"int\", \"f\")\n KAPI_PARAM_VALID_MASK(O_CLOEXEC)\n {line}\nKAPI_PARAM_END"));
        Assert.Equal(expected, spec.Params[0].IgnoresUnknownBits);
    }

    [Fact]
    public void Helper_macros_expand_to_whole_blocks()
    {
        string text = Spec("""
            KAPI_SYSCALL_SLEEPABLE
            KAPI_PARAM_FD(0, "The file descriptor")
            KAPI_PARAM_USER_STRUCT(1, "ev", struct epoll_event, "Event")
            KAPI_RETURN_SUCCESS_ZERO
            KAPI_ERROR_EBADF(0)
            KAPI_ERROR_EINVAL(1, "Bad flags")
            KAPI_SIGNAL_FATAL_DEFAULT
            """);
        var model = Bind(text);
        Assert.DoesNotContain(model.Diagnostics, d => d.Severity == KapiSeverity.Error);
        var spec = model.Specs[0];
        Assert.Equal(KapiContextFlags.Process | KapiContextFlags.Sleepable, spec.ContextFlags!.Value);
        Assert.Equal("fd", spec.Params[0].Name);
        Assert.Equal(KapiParamType.Fd, spec.Params[0].Type!.Value);
        Assert.Equal("struct epoll_event", spec.Params[1].CTypeName);
        Assert.Equal(12, spec.Params[1].Size![KapiArchitecture.X64]);
        Assert.Equal(16, spec.Params[1].Size![KapiArchitecture.Arm64]);
        Assert.Equal(0, spec.Return!.SuccessValue![KapiArchitecture.X64]);
        Assert.Equal(-9, spec.Errors[0].Code![KapiArchitecture.X64]);
        Assert.Equal("Bad flags", spec.Errors[1].Condition);
        var fatal = Assert.Single(spec.Signals);
        Assert.Equal(2, fatal.Index);
        Assert.Equal("SIGKILL", fatal.SignalName);
    }

    [Fact]
    public void Ioctl_helpers_expand()
    {
        var spec = SingleSpec("""
            DEFINE_KAPI_IOCTL_SPEC(x)
                KAPI_IOCTL_PARAM_SIZE
                KAPI_IOCTL_PARAM_FLAGS
                KAPI_IOCTL_PARAM_USER_OUT_BUF(2, "out", "Output", 3)
                KAPI_PARAM_COUNT(3)
            KAPI_END_SPEC;
            """);
        Assert.Equal(new[] { "size", "flags", "out" }, spec.Params.Select(p => p.Name));
        Assert.Equal(3, spec.Params[2].SizeParamIndex);
    }

    [Fact]
    public void Diagnostics_inside_a_helper_point_at_the_invocation()
    {
        string text = Spec("KAPI_ERROR_EINVAL(99, \"x\")");
        var d = Diagnostic(Bind(text), KapiDiagnostics.IndexOutOfRange);
        Assert.Equal("KAPI_ERROR_EINVAL(99, \"x\")", At(text, d));
    }

    [Theory]
    [InlineData("ULONG_MAX >> (PAGE_SHIFT - 10)", KapiArchitecture.X64, 0x3FFF_FFFF_FFFF_FFFFL)]
    [InlineData("INT_MAX / sizeof(struct epoll_event)", KapiArchitecture.X64, 2147483647L / 12)]
    [InlineData("INT_MAX / sizeof(struct epoll_event)", KapiArchitecture.Arm64, 2147483647L / 16)]
    [InlineData("(u32)-1", KapiArchitecture.X64, 0xFFFF_FFFFL)]
    [InlineData("(s64)-1", KapiArchitecture.X64, -1L)]
    [InlineData("BIT(3) | (1U << 4)", KapiArchitecture.X64, 24L)]
    [InlineData("~0 & 0xff", KapiArchitecture.X64, 0xffL)]
    [InlineData("sizeof(long)", KapiArchitecture.X86, 4L)]
    [InlineData("sizeof(long)", KapiArchitecture.X64, 8L)]
    [InlineData("sizeof(void *)", KapiArchitecture.Arm, 4L)]
    [InlineData("1 ? 2 : 3", KapiArchitecture.X64, 2L)]
    [InlineData("-EINVAL", KapiArchitecture.X64, -22L)]
    [InlineData("MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT", KapiArchitecture.Ppc64le, 0xE000L)]
    [InlineData("SZ_1M", KapiArchitecture.X64, 0x100000L)]
    [InlineData("'b'", KapiArchitecture.X64, 98L)]
    [InlineData("GENMASK(7, 4)", KapiArchitecture.X64, 0xF0L)]
    public void Constant_expressions(string expression, KapiArchitecture arch, long expected)
    {
        var spec = SingleSpec(Spec($"KAPI_PARAM(0, \"a\", \"int\", \"a\")\n .max_value = {expression},\nKAPI_PARAM_END"));
        Assert.Equal(expected, spec.Params[0].MaxValue![arch]);
    }

    [Fact]
    public void Compound_literal_enum_values_double_parenthesised()
    {
        var spec = SingleSpec(Spec("KAPI_PARAM(0, \"op\", \"int\", \"op\")\n KAPI_PARAM_ENUM_VALUES(((const s64[]){EPOLL_CTL_ADD, EPOLL_CTL_DEL}))\nKAPI_PARAM_END"));
        Assert.Equal(new[] { "EPOLL_CTL_ADD", "EPOLL_CTL_DEL" }, spec.Params[0].EnumValues.Select(v => v.Name));
    }

    [Fact]
    public void Signal_timing_and_queue_are_strings()
    {
        var spec = SingleSpec(Spec("""
            KAPI_SIGNAL(0, SIGINT, "SIGINT", KAPI_SIGNAL_RECEIVE, KAPI_SIGNAL_ACTION_RETURN)
                KAPI_SIGNAL_TIMING(KAPI_SIGNAL_TIME_DURING)
                KAPI_SIGNAL_QUEUE(KAPI_SIGNAL_QUEUE_REALTIME)
                KAPI_SIGNAL_ERROR(-EINTR)
                KAPI_SIGNAL_INTERRUPTIBLE
            KAPI_SIGNAL_END
            """));
        var s = spec.Signals[0];
        Assert.Equal("during", s.Timing!.Text);
        Assert.Equal(KapiSignalTiming.During, s.Timing.Value);
        Assert.Equal("realtime", s.QueueBehavior);
        Assert.Equal(-4, s.ErrorOnSignal![KapiArchitecture.X64]);
        Assert.True(s.Interruptible);
    }

    [Fact]
    public void Capabilities_constraints_struct_specs()
    {
        var spec = SingleSpec(Spec("""
            KAPI_CAPABILITY(0, CAP_IPC_LOCK, "CAP_IPC_LOCK", KAPI_CAP_BYPASS_CHECK)
                KAPI_CAP_ALLOWS("Lock any amount")
                KAPI_CAP_PRIORITY(0)
            KAPI_CAPABILITY_END
            KAPI_CONSTRAINT(0, "limit", "Locked memory limit")
                KAPI_CONSTRAINT_EXPR("locked <= RLIMIT_MEMLOCK")
            KAPI_CONSTRAINT_END
            KAPI_STRUCT_SPEC(0, binder_write_read, "Read/write")
                KAPI_STRUCT_SIZE(sizeof(struct binder_write_read), 8)
                KAPI_STRUCT_FIELD_COUNT(1)
                KAPI_STRUCT_FIELD(0, "write_size", KAPI_TYPE_UINT, "binder_size_t", "Bytes to write")
                    KAPI_FIELD_OFFSET(offsetof(struct binder_write_read, write_size))
                    KAPI_FIELD_SIZE(sizeof(binder_size_t))
                KAPI_STRUCT_FIELD_END
            KAPI_STRUCT_SPEC_END
            """));
        Assert.Equal(14, spec.Capabilities[0].Capability![KapiArchitecture.X64]);
        Assert.Equal("Lock any amount", spec.Capabilities[0].Allows);
        Assert.Equal("locked <= RLIMIT_MEMLOCK", spec.Constraints[0].Expression);
        var st = spec.StructSpecs[0];
        Assert.Equal("binder_write_read", st.Name);
        Assert.Equal(48, st.Size![KapiArchitecture.X64]);
        Assert.Equal(0, st.Fields[0].Offset![KapiArchitecture.X64]);
        Assert.Equal(8, st.Fields[0].Size![KapiArchitecture.X64]);
    }

    [Fact]
    public void Network_sections()
    {
        var spec = SingleSpec(Spec("""
            KAPI_SOCKET_STATE_REQ(KAPI_SOCK_STATE_UNSPEC)
                KAPI_SOCKET_STATE_RESULT(KAPI_SOCK_STATE_OPEN)
            KAPI_SOCKET_STATE_END
            KAPI_BUFFER_SPEC(KAPI_BUF_PEEK)
                KAPI_BUFFER_SIZE(0, 65536, 4096)
            KAPI_BUFFER_END
            KAPI_ASYNC_SPEC(KAPI_ASYNC_NONBLOCK, -EAGAIN)
            KAPI_ASYNC_END
            KAPI_ADDR_FAMILY(0, AF_INET, "AF_INET", 16, 16, 16)
                KAPI_ADDR_PORTS(0, 65535)
            KAPI_ADDR_FAMILY_END
            KAPI_NET_CONNECTION_ORIENTED
            .supports_select_poll = true,
            """));
        var n = spec.Network!;
        Assert.Equal(2, n.SocketState!.ResultingState![KapiArchitecture.X64]);
        Assert.Equal(65536, n.Buffer!.MaxSize![KapiArchitecture.X64]);
        Assert.Equal(-11, n.Async!.NonblockErrno![KapiArchitecture.X64]);
        Assert.Equal("AF_INET", n.AddressFamilies[0].FamilyName);
        Assert.True(n.IsConnectionOriented);
        Assert.True(n.SupportsSelectPoll);
    }

    [Fact]
    public void Model_is_value_equal_and_ignores_comments()
    {
        string a = Spec("KAPI_PARAM(0, \"a\", \"int\", \"a\")\n .valid_mask = MCL_CURRENT | MCL_FUTURE,\nKAPI_PARAM_END");
        string b = "/* a new comment */\n" + a.Replace(".valid_mask", "/* inline */ .valid_mask").Replace("|", " |   ");
        var ma = Bind(a);
        var mb = Bind(b);
        Assert.Equal(ma.Specs, mb.Specs);
        Assert.NotEqual(ma.Locations, mb.Locations);
    }
}

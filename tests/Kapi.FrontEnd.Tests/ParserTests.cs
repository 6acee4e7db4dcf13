using Kapi.Diagnostics;
using Kapi.Model;
using Kapi.Vocabulary;
using static Kapi.FrontEnd.Tests.TestHelpers;

namespace Kapi.FrontEnd.Tests;

public class ParserTests
{
    private const string Param = """
        KAPI_PARAM(0, "flags", "int", "Flags")
            KAPI_PARAM_FLAGS(KAPI_PARAM_IN)
            .valid_mask = MCL_CURRENT | MCL_FUTURE,
        KAPI_PARAM_END
        """;

    [Fact]
    public void Kernel_api_entry_form()
    {
        var spec = SingleSpec(Spec(Param, "sys_x"));
        Assert.Equal("sys_x", spec.Name);
        Assert.Equal(ApiKind.Function, spec.Kind);
        Assert.True(spec.IsSyscall);
    }

    [Fact]
    public void Ioctl_macro_entry_form()
    {
        var spec = SingleSpec("""
            DEFINE_KAPI_IOCTL_SPEC(binder_version)
                KAPI_IOCTL_CMD(BINDER_VERSION)
                KAPI_IOCTL_CMD_NAME("BINDER_VERSION")
                KAPI_IOCTL_INPUT_SIZE(0)
                KAPI_IOCTL_OUTPUT_SIZE(sizeof(struct binder_version))
                KAPI_IOCTL_FILE_OPS_NAME("binder_fops")
            KAPI_END_SPEC;
            """);
        Assert.Equal(ApiKind.Ioctl, spec.Kind);
        Assert.Equal("BINDER_VERSION", spec.Ioctl!.CommandName);
        Assert.Equal("binder_fops", spec.Ioctl.FileOpsName);
        Assert.Equal(0, spec.Ioctl.InputSize![Architectures.KapiArchitecture.X64]);
    }

    [Fact]
    public void Sysfs_entry_form()
    {
        var spec = SingleSpec("""
            DEFINE_SYSFS_API_SPEC(format)
                KAPI_PARAM(0, "format", "string", "Integrity metadata format")
                    KAPI_PARAM_TYPE(KAPI_TYPE_STRING)
                    KAPI_PERMISSIONS(0444)
                    KAPI_PATH("/sys/block/<disk>/integrity/format")
                KAPI_PARAM_END
                KAPI_SUBSYSTEM("block")
            KAPI_END_SPEC;
            """);
        Assert.Equal(ApiKind.Sysfs, spec.Kind);
        Assert.Equal("block", spec.Sysfs!.Subsystem);
        Assert.Equal("/sys/block/<disk>/integrity/format", spec.Params[0].Sysfs!.Path);
        Assert.Equal(0x124, spec.Params[0].Sysfs!.Permissions![Architectures.KapiArchitecture.X64]);
    }

    [Fact]
    public void Rfc1_ioctl_struct_entry_form()
    {
        var spec = SingleSpec("""
            static const struct kapi_ioctl_spec my_spec = {
                .cmd = 0x1234,
                .cmd_name = "MY_CMD",
                .input_size = 0,
                .output_size = 4,
                .file_ops_name = "my_fops",
                .api_spec = {
                    .name = "my_ioctl",
                KAPI_DESCRIPTION("Does a thing")
                KAPI_PARAM(0, "x", "__s32", "X")
                KAPI_PARAM_END
                .param_count = 1,
                },
            };
            """);
        Assert.Equal("my_ioctl", spec.Name);
        Assert.Equal(ApiKind.Ioctl, spec.Kind);
        Assert.Equal("Does a thing", spec.Description);
        Assert.Equal(0x1234, spec.Ioctl!.Command![Architectures.KapiArchitecture.X64]);
        Assert.Equal("MY_CMD", spec.Ioctl.CommandName);
        Assert.Single(spec.Params);
    }

    [Fact]
    public void Rfc1_header_ioctl_macro_form()
    {
        var spec = SingleSpec("""
            DEFINE_IOCTL_API_SPEC(my_ioctl, 0x42, "MY_IOCTL")
                KAPI_DESCRIPTION("d")
            KAPI_END_IOCTL_SPEC
            """);
        Assert.Equal(ApiKind.Ioctl, spec.Kind);
        Assert.Equal("MY_IOCTL", spec.Ioctl!.CommandName);
    }

    [Fact]
    public void Generated_form_without_end_macros()
    {
        // P3/P4 generated headers close items with a literal '},' and the spec with '};'
        var spec = SingleSpec("""
            DEFINE_KERNEL_API_SPEC(sys_close)
                KAPI_DESCRIPTION("Close a file descriptor")
                KAPI_PARAM_COUNT(1)
                KAPI_PARAM(0, "fd", "unsigned int", "File descriptor")
                    KAPI_PARAM_TYPE(KAPI_TYPE_FD)
                },
                KAPI_RETURN("long", "0 on success")
                    KAPI_RETURN_CHECK_TYPE(KAPI_RETURN_ERROR_CHECK)
                },
                KAPI_ERROR_COUNT(1)
                KAPI_ERROR(0, -EBADF, "EBADF", "Bad fd", "fd is not open")
            };
            """);
        Assert.Single(spec.Params);
        Assert.Equal(KapiParamType.Fd, spec.Params[0].Type!.Value);
        Assert.Equal(KapiReturnCheck.ErrorCheck, spec.Return!.CheckType!.Value);
        Assert.Single(spec.Errors);
    }

    [Fact]
    public void Several_specs_and_arrays_in_one_file()
    {
        var model = Bind("""
            static const s64 ops[] = { EPOLL_CTL_ADD, EPOLL_CTL_DEL, EPOLL_CTL_MOD, };
            DEFINE_KERNEL_API_SPEC(sys_a)
                KAPI_PARAM(0, "op", "int", "op")
                    .constraint_type = KAPI_CONSTRAINT_ENUM,
                    .enum_values = ops,
                    .enum_count = ARRAY_SIZE(ops),
                KAPI_PARAM_END
            KAPI_END_SPEC;
            DEFINE_KERNEL_API_SPEC(sys_b)
            KAPI_END_SPEC;
            """);
        Assert.False(model.HasErrors, string.Join("\n", model.Diagnostics));
        Assert.Equal(new[] { "sys_a", "sys_b" }, model.Specs.Select(s => s.Name));
        var p = model.Specs[0].Params[0];
        Assert.Equal(new[] { "EPOLL_CTL_ADD", "EPOLL_CTL_DEL", "EPOLL_CTL_MOD" }, p.EnumValues.Select(v => v.Name));
        Assert.Equal(3, p.EnumCount);
        Assert.Equal(1, p.EnumValues[0].Value[Architectures.KapiArchitecture.X64]);
        Assert.Equal(2, model.Locations.Count);
    }

    [Fact]
    public void Text_outside_any_spec_is_one_error_per_run()
    {
        const string text = "int x = 3;\nDEFINE_KERNEL_API_SPEC(sys_a)\nKAPI_END_SPEC;\nfoo bar\n";
        var model = Bind(text);
        var errors = model.Diagnostics.Where(d => d.Id == "KAPI0100").ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal("int x = 3;", At(text, errors[0]));
        Assert.Equal("foo bar", At(text, errors[1]));
        Assert.Single(model.Specs);
    }

    [Fact]
    public void C_sources_skip_everything_outside_specs()
    {
        var model = KapiDocument.Bind("""
            #include <linux/mm.h>
            static int helper(void) { return 0; }
            DEFINE_KERNEL_API_SPEC(sys_a)
                KAPI_DESCRIPTION("a")
            KAPI_END_SPEC;
            SYSCALL_DEFINE1(a, int, x) { return helper(); }
            """, "mm/a.c");
        Assert.Empty(model.Diagnostics);
        Assert.Equal("a", Assert.Single(model.Specs).Description);
    }

    [Fact]
    public void Unterminated_spec_is_reported_at_its_name()
    {
        const string text = "DEFINE_KERNEL_API_SPEC(sys_a)\n  KAPI_DESCRIPTION(\"a\")\n";
        var model = Bind(text);
        var d = Diagnostic(model, KapiDiagnostics.UnterminatedSpec);
        Assert.Equal("sys_a", At(text, d));
        Assert.Single(model.Specs);
    }

    [Fact]
    public void Invalid_spec_name()
    {
        const string text = "DEFINE_KERNEL_API_SPEC(\"sys_a\")\nKAPI_END_SPEC;";
        var d = Diagnostic(Bind(text), KapiDiagnostics.InvalidName);
        Assert.Equal("\"sys_a\"", At(text, d));
    }

    [Fact]
    public void Syntax_error_is_located_and_recovers()
    {
        string text = Spec("KAPI_DESCRIPTION(\"a\")\n  = = =\n  KAPI_NOTES(\"n\")");
        var model = Bind(text);
        var d = Diagnostic(model, KapiDiagnostics.SyntaxError);
        Assert.Equal("=", At(text, d));
        Assert.Single(model.Diagnostics);
        Assert.Equal("n", model.Specs[0].Notes);
    }

    [Fact]
    public void Missing_comma_after_a_value_is_an_error()
    {
        string text = Spec("KAPI_PARAM(0, \"a\", \"int\", \"a\")\n .min_value = 1\n .max_value = 2,\nKAPI_PARAM_END");
        var d = Diagnostic(Bind(text), KapiDiagnostics.SyntaxError);
        Assert.Contains("Expected ','", d.Message);
    }

    [Fact]
    public void Comma_may_be_omitted_before_a_closer()
    {
        var spec = SingleSpec(Spec("KAPI_SIGNAL_MASK(0, \"m\", \"d\")\n .description = \"x\"\nKAPI_SIGNAL_MASK_END"));
        Assert.Equal("x", spec.SignalMasks[0].Description);
    }

    [Fact]
    public void Deep_nesting_is_reported_not_crashed()
    {
        string text = Spec("KAPI_CONTEXT(" + new string('(', 5000) + "1" + new string(')', 5000) + ")");
        var model = Bind(text);
        Diagnostic(model, KapiDiagnostics.NestingTooDeep);
    }

    [Fact]
    public void Preprocessor_defines_and_conditionals()
    {
        var spec = SingleSpec("""
            #include <linux/mman.h>
            #define VALID (MCL_CURRENT | MCL_FUTURE)
            #ifdef CONFIG_SOMETHING
            #define EXTRA 8
            #else
            #define EXTRA 16
            #endif
            DEFINE_KERNEL_API_SPEC(sys_a)
                KAPI_PARAM(0, "flags", "int", "f")
                    .valid_mask = VALID | EXTRA,
                KAPI_PARAM_END
            KAPI_END_SPEC;
            """);
        var p = spec.Params[0];
        Assert.Equal(1 | 2 | 8, p.ValidMask![Architectures.KapiArchitecture.X64]);
        Assert.Equal(new[] { "MCL_CURRENT", "MCL_FUTURE", "EXTRA" }, p.MaskFlags.Select(f => f.Name));
    }

    [Fact]
    public void Unknown_directive_is_a_warning()
    {
        const string text = "#warning hello\nDEFINE_KERNEL_API_SPEC(sys_a)\nKAPI_END_SPEC;";
        var model = Bind(text);
        var d = Diagnostic(model, KapiDiagnostics.UnknownDirective);
        Assert.Equal(KapiSeverity.Warning, d.Severity);
        Assert.False(model.HasErrors);
    }
}

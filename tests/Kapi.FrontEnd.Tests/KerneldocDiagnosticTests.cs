using Kapi.Architectures;
using Kapi.Diagnostics;
using Kapi.Text;

namespace Kapi.FrontEnd.Tests;

/// <summary>
/// Mistakes in kernel-doc specs, in each of the three dialects (gen 1: RFC v3 flat keys; gen 2: RFC v4 … PATCH v2 item
/// blocks; gen 3: PATCH v3+ tokens), are reported at the exact text: <c>[|…|]</c> marks where each diagnostic must be.
/// </summary>
public class KerneldocDiagnosticTests
{
    private static (string Text, KapiFileModel Model, TextSpan Expected) Bind(string markup)
    {
        int start = markup.IndexOf("[|", StringComparison.Ordinal);
        int end = markup.IndexOf("|]", StringComparison.Ordinal);
        string text = markup.Remove(end, 2).Remove(start, 2);
        return (text, KapiDocument.Bind(text, "test.kapi"), TextSpan.FromBounds(start, end - 2));
    }

    private static KapiDiagnostic Single(string markup, KapiDiagnosticDescriptor descriptor, string messagePart)
    {
        var (text, model, expected) = Bind(markup);
        var d = Assert.Single(model.Diagnostics);
        Assert.Equal(descriptor.Id, d.Id);
        Assert.Equal(expected, d.Span);
        Assert.Contains(messagePart, d.Message, StringComparison.Ordinal);
        Assert.Equal(descriptor.DefaultSeverity, d.Severity);
        _ = text;
        return d;
    }

    private static string Gen2(string body, string signature = "SYSCALL_DEFINE1(example, int, flags)") =>
        "/**\n * sys_example - An example\n * @flags: The flags\n *\n * context-flags: KAPI_CTX_PROCESS\n" + body + " */\n" + signature + "\n";

    private static string Gen3(string body) =>
        "/**\n * sys_example - An example\n * @flags: The flags\n *\n * contexts: process\n" + body + " */\nSYSCALL_DEFINE1(example, int, flags)\n";

    [Fact]
    public void Misspelled_key_is_reported_at_the_key_with_the_closest_key_of_its_place()
    {
        Single(Gen2(" * param: flags\n *   type: KAPI_TYPE_INT\n *   [|valid-maks|]: 3\n"), KapiDiagnostics.UnknownKerneldocKey, "did you mean 'valid-mask'?");
        Single(Gen2(" * [|retrun|]: 0\n"), KapiDiagnostics.UnknownKerneldocKey, "did you mean 'return'?");
        Single(Gen3(" * [|side-efect|]: modify_state, thing, desc\n"), KapiDiagnostics.UnknownKerneldocKey, "did you mean 'side-effect'?");
    }

    [Fact]
    public void Kernel_doc_sections_are_not_reported_as_unknown_keys()
    {
        var (_, model, _) = Bind(Gen2(" * Context: Process context.[||]\n * Return: 0 on success.\n * Note: none\n"));
        Assert.Empty(model.Diagnostics);
    }

    [Fact]
    public void Range_without_two_bounds_is_malformed_in_every_dialect()
    {
        Single(Gen2(" * param: flags\n *   type: KAPI_TYPE_INT\n *   constraint-type: KAPI_CONSTRAINT_RANGE\n *   range: [|0|]\n"),
            KapiDiagnostics.MalformedKerneldocValue, "a range takes two bounds");
        Single("/**\n * sys_example - An example\n * @flags: The flags\n *\n * context-flags: KAPI_CTX_PROCESS\n * param-range: flags, [|0|]\n */\nSYSCALL_DEFINE1(example, int, flags)\n",
            KapiDiagnostics.MalformedKerneldocValue, "a range takes two bounds");
    }

    [Fact]
    public void Unbalanced_parenthesis_in_a_value_is_reported_inside_the_value()
    {
        var (text, model, _) = Bind(Gen2(" * param: flags\n *   type: KAPI_TYPE_INT\n *   valid-mask: (O_RDONLY | O_WRONLY[||]\n"));
        var d = Assert.Single(model.Diagnostics);
        Assert.True(d.IsError);
        Assert.InRange(d.Span.Start, text.IndexOf("(O_RDONLY", StringComparison.Ordinal), text.IndexOf(" */", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_gen3_token_is_malformed_at_the_token()
    {
        Single(Gen3(" * param: flags\n *   type: [|nonsense|]\n"), KapiDiagnostics.MalformedKerneldocValue, "'nonsense' is no KAPI_TYPE_* token");
        Single("/**\n * sys_example - An example\n * @flags: The flags\n *\n * contexts: process, [|bogus|]\n */\nSYSCALL_DEFINE1(example, int, flags)\n",
            KapiDiagnostics.MalformedKerneldocValue, "'bogus' is no KAPI_CTX_* token");
    }

    [Fact]
    public void Misspelled_vocabulary_name_is_an_unknown_constant_with_a_suggestion()
    {
        Single(Gen2(" * param: flags\n *   type: KAPI_TYPE_INT\n *   constraint-type: [|KAPI_CONSTRAINT_RANG|]\n"),
            KapiDiagnostics.UnknownConstant, "did you mean 'KAPI_CONSTRAINT_RANGE'?");
        Single(Gen2(" * signal: FATAL\n *   timing: [|KAPI_SIGNAL_TIME_DURNIG|]\n"),
            KapiDiagnostics.MalformedKerneldocValue, "did you mean 'KAPI_SIGNAL_TIME_DURING'?");
    }

    [Fact]
    public void Yes_no_value_that_is_neither_is_reported_and_reads_as_no()
    {
        var d = Single(Gen2(" * lock: mmap_lock, KAPI_LOCK_RWLOCK\n *   acquired: [|maybe|]\n"), KapiDiagnostics.MalformedKerneldocValue, "expected yes or no");
        Assert.NotNull(d);
        // 'conditional' is what upstream writes for a lock taken on some paths: read as no, like upstream's generator
        var (_, model, _) = Bind(Gen2(" * lock: mmap_lock, KAPI_LOCK_RWLOCK\n *   acquired: conditional[||]\n"));
        Assert.Empty(model.Diagnostics);
        Assert.False(Assert.Single(model.Specs).Locks[0].Acquired);
    }

    [Fact]
    public void Parameter_not_in_the_signature_is_reported_at_its_name_with_the_real_ones()
    {
        Single(Gen2(" * param: [|other|]\n *   type: KAPI_TYPE_INT\n"), KapiDiagnostics.UnknownKerneldocParameter, "'other' is not a parameter of sys_example(flags)");
        Single("/**\n * sys_example - An example\n * @flags: The flags\n *\n * context-flags: KAPI_CTX_PROCESS\n * param-flags: [|size|], KAPI_PARAM_IN\n */\nSYSCALL_DEFINE1(example, int, flags)\n",
            KapiDiagnostics.UnknownKerneldocParameter, "'size' is not a parameter");
    }

    [Fact]
    public void Item_described_twice_warns_at_the_second_and_keeps_it()
    {
        var (_, model, expected) = Bind(Gen2(" * lock: mmap_lock, KAPI_LOCK_RWLOCK\n *   desc: first\n * lock: [|mmap_lock|], KAPI_LOCK_RWLOCK\n *   desc: second\n"));
        var d = Assert.Single(model.Diagnostics);
        Assert.Equal(KapiDiagnostics.DuplicateKerneldocItem.Id, d.Id);
        Assert.Equal(expected, d.Span);
        Assert.Equal("second", Assert.Single(Assert.Single(model.Specs).Locks).Description);
    }

    [Fact]
    public void Errno_listed_twice_for_two_conditions_is_two_errors()
    {
        var (_, model, _) = Bind(Gen2(" * error: EINVAL, Bad flags\n *   desc: first\n * error: EINVAL, Bad length\n *   desc: second[||]\n"));
        Assert.Empty(model.Diagnostics);
        Assert.Equal(["Bad flags", "Bad length"], Assert.Single(model.Specs).Errors.Select(e => e.Condition));
    }

    [Fact]
    public void Item_without_its_name_is_missing_a_part()
    {
        Single(Gen2(" * [|error|]:\n"), KapiDiagnostics.MissingKerneldocPart, "'error:' needs the errno name");
    }

    [Fact]
    public void Comment_without_a_function_after_it_is_missing_its_signature()
    {
        Single("[|/**|]\n * context-flags: KAPI_CTX_PROCESS\n * param-count: 0\n */\n", KapiDiagnostics.MissingKerneldocPart, "followed by no SYSCALL_DEFINEn");
    }

    [Fact]
    public void Headline_naming_another_function_warns_and_the_signature_names_the_spec()
    {
        var (_, model, expected) = Bind("/**\n * [|sys_other|] - Mismatched\n *\n * context-flags: KAPI_CTX_PROCESS\n * param-count: 0\n */\nSYSCALL_DEFINE0(another)\n");
        var d = Assert.Single(model.Diagnostics);
        Assert.Equal(KapiDiagnostics.KerneldocNameMismatch.Id, d.Id);
        Assert.Equal(expected, d.Span);
        Assert.Equal("sys_another", Assert.Single(model.Specs).Name);
    }

    [Fact]
    public void Arch_mask_bits_count_only_on_their_architecture()
    {
        var (_, model, _) = Bind(Gen3(" * param: flags\n *   type: int\n *   constraint-type: mask\n *   valid-mask: 0x3\n *   arch-mask: powerpc = 0x20\n *   arch-mask: x86 = 0x40\n[||]"));
        Assert.Empty(model.Diagnostics);
        var mask = Assert.Single(model.Specs).Params[0].ValidMask!;
        Assert.Equal(0x43, mask.Get(KapiArchitecture.X64));
        Assert.Equal(0x43, mask.Get(KapiArchitecture.X86));
        Assert.Equal(0x23, mask.Get(KapiArchitecture.Ppc64le));
        Assert.Equal(0x3, mask.Get(KapiArchitecture.Arm64));

        Single(Gen3(" * param: flags\n *   type: int\n *   valid-mask: 0x3\n *   arch-mask: [|sparc64|] = 0x10\n"), KapiDiagnostics.BadConstantExpression, "is not a kernel architecture");
        Single(Gen3(" * param: flags\n *   type: int\n *   valid-mask: 0x3\n *   arch-mask: [|powerpc 0x20|]\n"), KapiDiagnostics.MalformedKerneldocValue, "expected 'ARCH = BITS'");
    }

    [Fact]
    public void Diagnostics_inside_continuation_lines_point_at_the_continued_text()
    {
        // the value continues on the next comment line: the bad token is found there, not at the key
        var (text, model, expected) = Bind(Gen2(" * param: flags\n *   type: KAPI_TYPE_INT\n *   constraint-type: KAPI_CONSTRAINT_MASK\n *   valid-mask: O_RDONLY |\n *     [|O_BOGUS_FLAG|]\n"));
        var d = Assert.Single(model.Diagnostics);
        Assert.Equal(KapiDiagnostics.UnknownConstant.Id, d.Id);
        Assert.Equal(expected, d.Span);
        _ = text;
    }
}

using System.Linq;
using Kapi.Collections;
using Kapi.Generators.Pipeline;
using Kapi.Generators.Planning;
using Kapi.Generators.Tests.Infrastructure;
using Xunit;

namespace Kapi.Generators.Tests;

/// <summary>
/// The planner decides what a wrapper checks before the call (<see cref="ValidationPlan"/>); the emitter only writes it.
/// These tests read the plan itself: which checks, in which order, with which operands, and that it compares by value.
/// </summary>
public class ValidationPlanTests
{
    private static SyscallPlan Plan(string text, bool validation = true, string path = "/specs/x.kapi", bool allowWarnings = false)
    {
        var model = KapiDocument.Bind(text, path);
        Assert.False(model.HasErrors);
        if (!allowWarnings) Assert.Empty(model.Diagnostics);
        var candidate = SpecOwnership.Candidates(model).Single();
        var options = KapiGeneratorOptions.Create(null, null, null, validation ? "true" : "false");
        var plan = SpecPlanner.Plan(candidate, options);
        Assert.NotNull(plan.Syscall);
        return plan.Syscall!;
    }

    [Fact]
    public void Mlockall_ChecksValidAndRequiredBitsOnThePortableValue()
    {
        var s = Plan(TestSpecs.Mlockall);
        var flags = Assert.Single(s.Validation.Parameters);
        Assert.Equal("flags", flags.Identifier);
        Assert.Equal("__v_flags", flags.Local);
        Assert.Equal(
            new ArgumentCheck[] { new ValidBitsCheck(ArchValues.Uniform(0x7), null), new RequiredBitsCheck(ArchValues.Uniform(0x3)) },
            flags.Checks.ToArray());
        Assert.Equal(new RejectionPlan("EINVAL", 22, ArchValues.Uniform(22)), s.Validation.Rejection);
    }

    [Fact]
    public void OpenAt_ChecksTheEnumFieldThenTheFlagsThenTheRange()
    {
        var s = Plan(TestSpecs.OpenAt);
        Assert.Equal(new[] { "flags", "mode" }, s.Validation.Parameters.Select(p => p.Identifier).ToArray());
        var flags = s.Validation.Parameters[0].Checks;
        var field = Assert.IsType<EnumFieldCheck>(flags[0]);
        Assert.Equal(ArchValues.Uniform(0x3), field.FieldMask);
        Assert.Equal(new[] { ArchValues.Uniform(0), ArchValues.Uniform(1), ArchValues.Uniform(2) }, field.Allowed.ToArray());
        var bits = Assert.IsType<ValidBitsCheck>(flags[1]);
        Assert.Equal(ArchValues.Uniform(0x3), bits.FieldMask);
        Assert.Equal(2, flags.Count);
        Assert.Equal(new ArgumentCheck[] { new MinimumCheck(ArchValues.Uniform(0)), new MaximumCheck(0xFFF) }, s.Validation.Parameters[1].Checks.ToArray());
    }

    [Fact]
    public void ValidationOff_PlansNoChecks_ButKeepsTheRejectionForTheTranslation()
    {
        var s = Plan(TestSpecs.OpenAt, validation: false);
        Assert.Empty(s.Validation.Parameters);
        Assert.Equal("EINVAL", s.Validation.Rejection.Member);
    }

    [Fact]
    public void ASpecWithoutEinval_RejectsWithTheNumber()
    {
        var text = Kapi.Testing.SpecText.Spec("sys_kapi_noeinval", Kapi.Testing.SpecText.Param(0, "n", "range"),
            errors: "\tKAPI_ERROR(0, -ENOENT, \"ENOENT\", \"Missing\", \"No such file.\")\n");
        var s = Plan(text);
        Assert.Null(s.Validation.Rejection.Member);
        Assert.Equal(22, s.Validation.Rejection.Portable);
        Assert.Equal(new ArgumentCheck[] { new MinimumCheck(ArchValues.Uniform(0)), new MaximumCheck(10) }, Assert.Single(s.Validation.Parameters).Checks.ToArray());
    }

    [Fact]
    public void ConstraintKinds_BecomeTheirChecks()
    {
        string P(int i, string name, string body) => $"\tKAPI_PARAM({i}, \"{name}\", \"unsigned long\", \"D\")\n{body}\tKAPI_PARAM_END\n";
        var text = Kapi.Testing.SpecText.Spec("sys_kapi_kinds",
            P(0, "a", "\t\t.constraint_type = KAPI_CONSTRAINT_NONZERO,\n") +
            P(1, "b", "\t\t.constraint_type = KAPI_CONSTRAINT_POWER_OF_TWO,\n") +
            P(2, "c", "\t\t.constraint_type = KAPI_CONSTRAINT_PAGE_ALIGNED,\n") +
            P(3, "d", "\t\t.constraint_type = KAPI_CONSTRAINT_ALIGNMENT,\n\t\t.alignment = 8,\n") +
            P(4, "e", "\t\t.constraint_type = KAPI_CONSTRAINT_ALIGNMENT,\n\t\t.alignment = 6,\n") +
            P(5, "f", "\t\t.constraint_type = KAPI_CONSTRAINT_RANGE,\n\t\t.max_value = -1,\n"));
        var s = Plan(text);
        Assert.Equal(
            new (string, ArgumentCheck)[] { ("a", new NonZeroCheck()), ("b", new PowerOfTwoCheck()), ("c", new PageAlignedCheck()), ("d", new AlignmentCheck(7)) },
            s.Validation.Parameters.Select(p => (p.Identifier, Assert.Single(p.Checks))).ToArray());
    }

    [Fact]
    public void PerArchitectureMaximum_IsCheckedWhereItIsABound()
    {
        // MCL_ONFAULT is 4, and 0x8000 on ppc64le: no generated enum for a range, so the raw value is compared with the
        // running architecture's number.
        var text = Kapi.Testing.SpecText.Spec("sys_kapi_archmax",
            "\tKAPI_PARAM(0, \"n\", \"long\", \"D\")\n\t\t.constraint_type = KAPI_CONSTRAINT_RANGE,\n\t\t.max_value = MCL_ONFAULT,\n\tKAPI_PARAM_END\n");
        var check = Assert.IsType<BoundedMaximumCheck>(Assert.Single(Assert.Single(Plan(text).Validation.Parameters).Checks));
        Assert.Equal(4, check.Maximum[Kapi.Architectures.KapiArchitecture.X64]);
        Assert.Equal(0x8000, check.Maximum[Kapi.Architectures.KapiArchitecture.Ppc64le]);
    }

    [Fact]
    public void RequiredMaskZeroOnSomeArchitectures_RequiresNothingThere_AndZeroEverywhere_PlansNoCheck()
    {
        // No generated enum (a range, not a mask): the raw value is compared with each architecture's numbers.
        // MAP_32BIT exists on x86-64 and x86 only; elsewhere the required mask is 0 and must not reject.
        string P(string required) => "\tKAPI_PARAM(0, \"f\", \"int\", \"F\")\n\t\t.type = KAPI_TYPE_INT,\n\t\t.constraint_type = KAPI_CONSTRAINT_RANGE,\n"
            + "\t\t.min_value = 0,\n\t\t.max_value = 0xff,\n\t\t.required_mask = " + required + ",\n\tKAPI_PARAM_END\n";
        var s = Plan(Kapi.Testing.SpecText.Spec("sys_kapi_reqarch", P("MAP_32BIT")));
        Assert.Empty(s.Enums);
        var checks = Assert.Single(s.Validation.Parameters).Checks;
        var required = Assert.IsType<RequiredBitsCheck>(checks[0]);
        Assert.Equal(0x40, required.Mask[Kapi.Architectures.KapiArchitecture.X64]);
        Assert.Equal(0, required.Mask[Kapi.Architectures.KapiArchitecture.Arm64]);

        // The emitted condition skips the architectures where nothing is required.
        string source = GeneratorHarness.Run(new[] { ("/specs/reqarch.kapi", Kapi.Testing.SpecText.Spec("sys_kapi_reqarch", P("MAP_32BIT"))) }).Source("Kapi.Spec.SysKapiReqarch.g.cs");
        Assert.Contains("!= 0 && (__v_f & (global::Kapi.Runtime.KapiPlatform.Architecture switch", source, System.StringComparison.Ordinal);

        // 0 (or unknown) on every architecture: no required-bits check at all.
        foreach (var none in new[] { "0", "KAPI_NO_SUCH_CONSTANT" })
        {
            var remaining = Assert.Single(Plan(Kapi.Testing.SpecText.Spec("sys_kapi_reqnone", P(none)), allowWarnings: true).Validation.Parameters).Checks;
            Assert.Equal(new ArgumentCheck[] { new MinimumCheck(ArchValues.Uniform(0)), new MaximumCheck(0xff) }, remaining.ToArray());
        }
    }

    [Fact]
    public void EnumFieldMaskUnknownOnX64_PlansNoFieldCheck()
    {
        // The field mask names an unknown constant: its bits are unknown, so neither the field check (which would reject
        // every value) nor the valid-bits check around the field (which would reject every field value) is planned.
        var text = TestSpecs.OpenAt.Replace(".enum_mask = O_ACCMODE", ".enum_mask = KAPI_NO_SUCH_MASK", System.StringComparison.Ordinal);
        Assert.NotEqual(TestSpecs.OpenAt, text);
        var s = Plan(text, allowWarnings: true);
        Assert.Equal(new[] { "mode" }, s.Validation.Parameters.Select(p => p.Identifier).ToArray());
    }

    [Fact]
    public void ThePlan_ComparesByValue()
    {
        var a = Plan(TestSpecs.OpenAt).Validation;
        var b = Plan(TestSpecs.OpenAt).Validation;
        Assert.NotSame(a, b);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Plan(TestSpecs.OpenAt.Replace("07777", "0777", System.StringComparison.Ordinal)).Validation);
        Assert.NotEqual<ArgumentCheck>(new NonZeroCheck(), new PowerOfTwoCheck());
        Assert.Equal(new EquatableArray<ArgumentCheck>(new ArgumentCheck[] { new NonZeroCheck() }), new EquatableArray<ArgumentCheck>(new ArgumentCheck[] { new NonZeroCheck() }));
    }
}

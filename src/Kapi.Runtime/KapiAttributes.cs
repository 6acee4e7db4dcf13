using System;

namespace Kapi.Runtime;

/// <summary>
/// Marks a parameter of a generated binding whose value is a set of flag bits constrained by a KAPI spec
/// (<c>KAPI_CONSTRAINT_MASK</c>). This is the contract between the Kapi generator and the Kapi analyzers:
/// the analyzer reads it at call sites and reports constant arguments with bits outside <see cref="ValidMask"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class KapiFlagsAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="api">The spec name, for example <c>sys_mlockall</c>.</param>
    /// <param name="parameter">The parameter name as written in the spec, for example <c>flags</c>.</param>
    public KapiFlagsAttribute(string api, string parameter)
    {
        Api = api;
        Parameter = parameter;
    }

    /// <summary>The spec name, for example <c>sys_mlockall</c>.</summary>
    public string Api { get; }

    /// <summary>The parameter name as written in the spec, for example <c>flags</c>.</summary>
    public string Parameter { get; }

    /// <summary>The valid bits, in the portable (x86-64) values of the generated enum.</summary>
    public long ValidMask { get; set; }

    /// <summary>At least one of these bits must be set; 0 means no requirement.</summary>
    public long RequiredMask { get; set; }

    /// <summary>The common prefix of the flag family, for example <c>MCL_</c>; null when the flags share none.</summary>
    public string? FlagPrefix { get; set; }
}

/// <summary>Marks a generated method that wraps the system call described by the KAPI spec <see cref="Api"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class KapiSyscallAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="api">The spec name, for example <c>sys_mlockall</c>.</param>
    public KapiSyscallAttribute(string api) { Api = api; }

    /// <summary>The spec name, for example <c>sys_mlockall</c>.</summary>
    public string Api { get; }
}

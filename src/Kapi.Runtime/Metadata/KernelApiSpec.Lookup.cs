using System;

namespace Kapi.Runtime.Metadata;

public sealed partial class KernelApiSpec
{
    /// <summary>Finds a parameter by name (ordinal).</summary>
    /// <param name="name">The parameter name as written in the spec.</param>
    /// <returns>The parameter, or null.</returns>
    public KapiParameterInfo? FindParameter(string name)
    {
        foreach (var p in Parameters)
        {
            if (string.Equals(p.Name, name, StringComparison.Ordinal)) return p;
        }
        return null;
    }

    /// <summary>Finds an error by its errno name (<c>EINVAL</c>).</summary>
    /// <param name="name">The errno name.</param>
    /// <returns>The first error with that name, or null.</returns>
    public KapiErrorInfo? FindError(string name)
    {
        foreach (var e in Errors)
        {
            if (string.Equals(e.Name, name, StringComparison.Ordinal)) return e;
        }
        return null;
    }

    /// <summary>Finds an error by the errno value of the running architecture.</summary>
    /// <param name="errno">The positive errno value.</param>
    /// <returns>The first error with that errno, or null.</returns>
    public KapiErrorInfo? FindError(int errno)
    {
        foreach (var e in Errors)
        {
            if (e.Code?.Value is long v && -v == errno) return e;
        }
        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => Description is null ? Name : $"{Name}: {Description}";
}

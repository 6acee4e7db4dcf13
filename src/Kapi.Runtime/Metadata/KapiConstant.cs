using System;
using System.Globalization;
using System.Text;

namespace Kapi.Runtime.Metadata;

/// <summary>The kind of a spec.</summary>
public enum KernelApiKind
{
    /// <summary><c>DEFINE_KERNEL_API_SPEC</c>: a system call or kernel function.</summary>
    Function,
    /// <summary>An ioctl spec.</summary>
    Ioctl,
    /// <summary>A sysfs attribute spec.</summary>
    Sysfs,
}

/// <summary>
/// A numeric value from a spec: the C expression as written (<see cref="Expression"/>) and its value on every
/// architecture in <see cref="KapiArchitecture"/> (null where a constant it uses is unknown or undefined there).
/// </summary>
public sealed class KapiConstant : IEquatable<KapiConstant>
{
    private readonly long?[] _values;

    /// <summary>Creates a constant with one value per architecture, in <see cref="KapiArchitecture"/> order.</summary>
    /// <param name="expression">The C expression as written.</param>
    /// <param name="x64">The value on x86-64.</param>
    /// <param name="x86">The value on x86.</param>
    /// <param name="arm">The value on arm.</param>
    /// <param name="arm64">The value on arm64.</param>
    /// <param name="ppc64le">The value on ppc64le.</param>
    /// <param name="s390x">The value on s390x.</param>
    /// <param name="riscV64">The value on riscv64.</param>
    /// <param name="loongArch64">The value on loongarch64.</param>
    public KapiConstant(string expression, long? x64, long? x86, long? arm, long? arm64, long? ppc64le, long? s390x, long? riscV64, long? loongArch64)
    {
        Expression = expression ?? string.Empty;
        _values = new[] { x64, x86, arm, arm64, ppc64le, s390x, riscV64, loongArch64 };
    }

    /// <summary>Creates a constant with the same value on every architecture.</summary>
    /// <param name="expression">The C expression as written.</param>
    /// <param name="value">The value (null when unknown).</param>
    /// <returns>The constant.</returns>
    public static KapiConstant Uniform(string expression, long? value) =>
        new(expression, value, value, value, value, value, value, value, value);

    /// <summary>The C expression as written, for example <c>MCL_CURRENT | MCL_FUTURE</c>.</summary>
    public string Expression { get; }

    /// <summary>The value on the running architecture, or null when it is unknown there.</summary>
    public long? Value => GetValue(KapiPlatform.Architecture);

    /// <summary>The portable value: the value on x86-64, the numbering of the generated enums.</summary>
    public long? PortableValue => _values[0];

    /// <summary>The value on <paramref name="architecture"/>, or null when it is unknown there.</summary>
    /// <param name="architecture">The architecture.</param>
    /// <returns>The value or null.</returns>
    public long? GetValue(KapiArchitecture architecture)
    {
        int i = (int)architecture;
        return (uint)i < (uint)_values.Length ? _values[i] : null;
    }

    /// <summary>True when every architecture has the same known value.</summary>
    public bool IsUniform
    {
        get
        {
            if (_values[0] is null) return false;
            foreach (var v in _values)
            {
                if (v != _values[0]) return false;
            }
            return true;
        }
    }

    /// <inheritdoc/>
    public bool Equals(KapiConstant? other)
    {
        if (other is null) return false;
        if (!string.Equals(Expression, other.Expression, StringComparison.Ordinal)) return false;
        for (int i = 0; i < _values.Length; i++)
        {
            if (_values[i] != other._values[i]) return false;
        }
        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as KapiConstant);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Expression, _values[0]);

    /// <summary>The expression and its value: <c>MCL_CURRENT = 1</c>, or per architecture when they differ.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        if (IsUniform) return Format(_values[0]) == Expression ? Expression : $"{Expression} = {Format(_values[0])}";
        var sb = new StringBuilder(Expression).Append(" = {");
        for (int i = 0; i < _values.Length; i++)
        {
            sb.Append(i == 0 ? " " : ", ").Append(((KapiArchitecture)i).RidName()).Append(": ").Append(Format(_values[i]));
        }
        return sb.Append(" }").ToString();
    }

    private static string Format(long? v) => v is long x
        ? (x > 9 ? "0x" + x.ToString("X", CultureInfo.InvariantCulture) : x.ToString(CultureInfo.InvariantCulture))
        : "?";
}

/// <summary>A named constant that is part of a mask or an enumeration (for example <c>MCL_CURRENT</c>).</summary>
public sealed class KapiNamedConstant
{
    /// <summary>Creates the named constant.</summary>
    /// <param name="name">The constant name.</param>
    /// <param name="value">Its value.</param>
    public KapiNamedConstant(string name, KapiConstant value)
    {
        Name = name ?? string.Empty;
        Value = value;
    }

    /// <summary>The constant name, for example <c>MCL_CURRENT</c>.</summary>
    public string Name { get; }

    /// <summary>Its value per architecture.</summary>
    public KapiConstant Value { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} = {Value}";
}

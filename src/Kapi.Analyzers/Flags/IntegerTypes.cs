using Microsoft.CodeAnalysis;

namespace Kapi.Analyzers.Flags;

internal static class IntegerTypes
{
    /// <summary>The width in bits of an integral or enum type, or 0 when the type is not integral.</summary>
    public static int BitWidth(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying }) type = underlying;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T }) return 0;
        return type?.SpecialType switch
        {
            SpecialType.System_SByte or SpecialType.System_Byte => 8,
            SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Char => 16,
            SpecialType.System_Int32 or SpecialType.System_UInt32 => 32,
            SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_IntPtr or SpecialType.System_UIntPtr => 64,
            _ => 0,
        };
    }

    public static bool IsIntegral(ITypeSymbol? type) => BitWidth(type) != 0;

    public static bool IsSigned(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying }) type = underlying;
        return type?.SpecialType is SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_Int32
            or SpecialType.System_Int64 or SpecialType.System_IntPtr;
    }

    /// <summary>Brings <paramref name="value"/> into the range of <paramref name="type"/> (C# unchecked conversion).</summary>
    public static long Normalize(long value, ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying }) type = underlying;
        return type?.SpecialType switch
        {
            SpecialType.System_SByte => unchecked((sbyte)value),
            SpecialType.System_Byte => unchecked((byte)value),
            SpecialType.System_Int16 => unchecked((short)value),
            SpecialType.System_UInt16 or SpecialType.System_Char => unchecked((ushort)value),
            SpecialType.System_Int32 => unchecked((int)value),
            SpecialType.System_UInt32 => unchecked((uint)value),
            _ => value,
        };
    }

    /// <summary>All bits of a type of <paramref name="width"/> bits.</summary>
    public static long WidthMask(int width) => width >= 64 || width <= 0 ? -1L : (1L << width) - 1;

    /// <summary>The bits of <paramref name="value"/> as an unsigned number of <paramref name="width"/> bits.</summary>
    public static long Bits(long value, int width) => value & WidthMask(width);

    public static bool TryToInt64(object? constant, out long value)
    {
        switch (constant)
        {
            case int i: value = i; return true;
            case uint u: value = u; return true;
            case long l: value = l; return true;
            case ulong ul: value = unchecked((long)ul); return true;
            case short s: value = s; return true;
            case ushort us: value = us; return true;
            case byte b: value = b; return true;
            case sbyte sb: value = sb; return true;
            case char c: value = c; return true;
            default: value = 0; return false;
        }
    }

    public static string Hex(long bits) => "0x" + bits.ToString("X", System.Globalization.CultureInfo.InvariantCulture);
}

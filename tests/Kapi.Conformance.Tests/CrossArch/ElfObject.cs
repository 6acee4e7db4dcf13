using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Kapi.Conformance.Tests.CrossArch;

/// <summary>
/// The little of an ELF relocatable object (<c>cc -c</c> output) the cross-architecture probes need: class, byte order,
/// machine, and the bytes of a named section. Compile-only probes put their values in a data section and read them back
/// here instead of running the program (it is built for another architecture).
/// </summary>
internal sealed class ElfObject
{
    private readonly byte[] _data;
    private readonly Dictionary<string, (long Offset, long Size, uint Type)> _sections = new(StringComparer.Ordinal);

    public ElfObject(byte[] data)
    {
        _data = data;
        if (data.Length < 52 || data[0] != 0x7F || data[1] != (byte)'E' || data[2] != (byte)'L' || data[3] != (byte)'F')
        {
            throw new InvalidDataException("not an ELF file");
        }
        Is64Bit = data[4] switch
        {
            1 => false,
            2 => true,
            _ => throw new InvalidDataException($"unknown ELF class {data[4]}"),
        };
        BigEndian = data[5] switch
        {
            1 => false,
            2 => true,
            _ => throw new InvalidDataException($"unknown ELF data encoding {data[5]}"),
        };
        Machine = U16(0x12);
        long shoff = Is64Bit ? (long)U64(0x28) : U32(0x20);
        int shentsize = U16(Is64Bit ? 0x3A : 0x2E);
        int shnum = U16(Is64Bit ? 0x3C : 0x30);
        int shstrndx = U16(Is64Bit ? 0x3E : 0x32);
        if (shoff <= 0 || shnum == 0 || shstrndx >= shnum) throw new InvalidDataException("ELF file without section headers");

        (long Offset, long Size, uint Type, uint Name) Section(int i)
        {
            long at = shoff + (long)i * shentsize;
            return Is64Bit
                ? ((long)U64(at + 0x18), (long)U64(at + 0x20), U32(at + 4), U32(at))
                : (U32(at + 0x10), U32(at + 0x14), U32(at + 4), U32(at));
        }

        var names = Section(shstrndx);
        for (int i = 0; i < shnum; i++)
        {
            var s = Section(i);
            long start = names.Offset + s.Name;
            long end = start;
            while (end < data.Length && data[end] != 0) end++;
            string name = Encoding.ASCII.GetString(data, (int)start, (int)(end - start));
            _sections[name] = (s.Offset, s.Size, s.Type);
        }
    }

    public bool Is64Bit { get; }

    public bool BigEndian { get; }

    /// <summary><c>e_machine</c>: 62 x86-64, 3 i386, 40 ARM, 183 AArch64, 21 PPC64, 22 S390, 243 RISC-V, 258 LoongArch.</summary>
    public int Machine { get; }

    public IEnumerable<string> SectionNames => _sections.Keys;

    /// <summary>The section's contents as 64-bit integers in the object's byte order.</summary>
    public long[] ReadInt64Section(string name)
    {
        if (!_sections.TryGetValue(name, out var s)) throw new InvalidDataException($"the object has no section {name}");
        const uint SHT_NOBITS = 8;
        if (s.Type == SHT_NOBITS) throw new InvalidDataException($"section {name} has no contents in the file (SHT_NOBITS)");
        if (s.Size % 8 != 0) throw new InvalidDataException($"section {name} is {s.Size} bytes, not a whole number of 64-bit values");
        var values = new long[s.Size / 8];
        for (int i = 0; i < values.Length; i++)
        {
            var span = _data.AsSpan((int)(s.Offset + i * 8L), 8);
            values[i] = BigEndian ? BinaryPrimitives.ReadInt64BigEndian(span) : BinaryPrimitives.ReadInt64LittleEndian(span);
        }
        return values;
    }

    private ushort U16(long at) => BigEndian
        ? BinaryPrimitives.ReadUInt16BigEndian(_data.AsSpan((int)at, 2))
        : BinaryPrimitives.ReadUInt16LittleEndian(_data.AsSpan((int)at, 2));

    private uint U32(long at) => BigEndian
        ? BinaryPrimitives.ReadUInt32BigEndian(_data.AsSpan((int)at, 4))
        : BinaryPrimitives.ReadUInt32LittleEndian(_data.AsSpan((int)at, 4));

    private ulong U64(long at) => BigEndian
        ? BinaryPrimitives.ReadUInt64BigEndian(_data.AsSpan((int)at, 8))
        : BinaryPrimitives.ReadUInt64LittleEndian(_data.AsSpan((int)at, 8));
}

using System.Text;
using Kapi.Architectures;

namespace Kapi.Analyzers.Flags;

/// <summary>
/// A set of architectures, a bit per <see cref="KapiArchitecture"/> (the same bits as <see cref="SyscallResolution.Architectures"/>),
/// enumerated in the architectures' own order (x64 first).
/// </summary>
/// <remarks>
/// The checks on the first call of a build use this instead of a <c>List</c>, <c>ImmutableArray</c> or LINQ over the
/// enum: a framework generic instantiated over one of our value types cannot be ReadyToRun-compiled into our assembly
/// (the framework is another version bubble), so each such method is JIT-compiled at first use, and that was a
/// quarter of the analyzer's cold start.
/// </remarks>
internal readonly struct ArchitectureSet : IEquatable<ArchitectureSet>
{
    public ArchitectureSet(int bits) => Bits = bits & AllBits;

    /// <summary>Every architecture's bit.</summary>
    public const int AllBits = (1 << KapiArchitectures.Count) - 1;

    public static ArchitectureSet All => new(AllBits);

    public static ArchitectureSet Empty => default;

    /// <summary>The architectures Tmds.LibC 0.5 ships implementation assemblies for (runtimes/linux-{x64,arm,arm64}).</summary>
    public static ArchitectureSet Tmds => Of(KapiArchitecture.X64).With(KapiArchitecture.Arm).With(KapiArchitecture.Arm64);

    public static ArchitectureSet Of(KapiArchitecture arch) => new(1 << (int)arch);

    /// <summary>Bit <c>1 &lt;&lt; (int)arch</c> for each architecture in the set.</summary>
    public int Bits { get; }

    public bool IsEmpty => Bits == 0;

    public int Count
    {
        get
        {
            int count = 0;
            for (int bits = Bits; bits != 0; bits &= bits - 1) count++;
            return count;
        }
    }

    public bool Contains(KapiArchitecture arch) => (Bits & (1 << (int)arch)) != 0;

    public ArchitectureSet With(KapiArchitecture arch) => new(Bits | (1 << (int)arch));

    public ArchitectureSet Intersect(ArchitectureSet other) => new(Bits & other.Bits);

    public ArchitectureSet Except(ArchitectureSet other) => new(Bits & ~other.Bits);

    /// <summary>
    /// x64 when the set holds it (the reference ABI of messages and fixes), else its first architecture; x64 for the
    /// empty set, which callers rule out first.
    /// </summary>
    public KapiArchitecture Preferred
    {
        get
        {
            foreach (var arch in this) return arch; // x64 is the lowest bit
            return KapiArchitecture.X64;
        }
    }

    /// <summary>"x64, arm64": the RID names, in the architectures' order.</summary>
    public string RidNames()
    {
        var text = new StringBuilder();
        foreach (var arch in this)
        {
            if (text.Length > 0) text.Append(", ");
            text.Append(arch.RidName());
        }
        return text.ToString();
    }

    public Enumerator GetEnumerator() => new(Bits);

    public bool Equals(ArchitectureSet other) => Bits == other.Bits;

    public override bool Equals(object? obj) => obj is ArchitectureSet other && Equals(other);

    public override int GetHashCode() => Bits;

    public override string ToString() => RidNames();

    public static bool operator ==(ArchitectureSet left, ArchitectureSet right) => left.Bits == right.Bits;

    public static bool operator !=(ArchitectureSet left, ArchitectureSet right) => left.Bits != right.Bits;

    /// <summary>The architectures of the set, lowest bit first.</summary>
    public struct Enumerator
    {
        private int _rest;

        internal Enumerator(int bits)
        {
            _rest = bits;
            Current = default;
        }

        public KapiArchitecture Current { get; private set; }

        public bool MoveNext()
        {
            if (_rest == 0) return false;
            int index = 0;
            while ((_rest & (1 << index)) == 0) index++;
            _rest &= ~(1 << index);
            Current = (KapiArchitecture)index;
            return true;
        }
    }
}

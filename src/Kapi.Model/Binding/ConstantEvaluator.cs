using Kapi.Architectures;
using Kapi.Lexing;
using Kapi.Syntax;
using Kapi.Text;
using Kapi.Vocabulary;

namespace Kapi.Binding;

/// <summary>
/// Evaluates C integer constant expressions for one architecture: literals, UAPI constants, KAPI vocabulary,
/// #defines and arrays of the file, <c>| &amp; ^ ~ &lt;&lt; &gt;&gt; + - * / %</c>, comparisons, <c>?:</c>, casts,
/// <c>sizeof</c>/<c>__alignof__</c> over the ABI model (LP64 on 64-bit, ILP32 on x86/arm), <c>BIT</c>, <c>GENMASK</c>,
/// <c>ARRAY_SIZE</c> and the ioctl encoders <c>_IO/_IOR/_IOW/_IOWR</c>. Unsigned-ness is tracked so that
/// <c>ULONG_MAX &gt;&gt; n</c> shifts in zeros.
/// </summary>
internal sealed class ConstantEvaluator
{
    internal readonly record struct Num(long Value, bool Unsigned);

    internal sealed record Failure(TextSpan Span, string Text, string Reason, bool IsUnknownName);

    private readonly FileSymbols _symbols;
    private readonly KapiArchitecture _arch;
    private int _depth;

    public ConstantEvaluator(FileSymbols symbols, KapiArchitecture arch)
    {
        _symbols = symbols;
        _arch = arch;
    }

    /// <summary>The first failure of the last evaluation, or null.</summary>
    public Failure? LastFailure { get; private set; }

    /// <summary>Names of the architecture-dependent-but-undefined constants hit (value unknown on this arch only).</summary>
    public bool UndefinedOnArch { get; private set; }

    /// <summary>True when the last evaluation used anything whose value differs between architectures.</summary>
    public bool UsedArchDependentValue { get; private set; }

    public long? Evaluate(ExpressionSyntax e)
    {
        LastFailure = null;
        UndefinedOnArch = false;
        UsedArchDependentValue = false;
        _depth = 0;
        var r = Eval(e);
        return r?.Value;
    }

    private Num? Fail(TextSpan span, string text, string reason, bool unknownName = false)
    {
        LastFailure ??= new Failure(span, text, reason, unknownName);
        return null;
    }

    private static readonly HashSet<string> s_unsignedNames = new(StringComparer.Ordinal)
    {
        "ULONG_MAX", "SIZE_MAX", "UINT_MAX", "ULLONG_MAX", "U64_MAX", "U32_MAX", "U16_MAX", "U8_MAX", "PAGE_MASK", "RLIM_INFINITY", "RLIM64_INFINITY",
    };

    private Num? Eval(ExpressionSyntax e)
    {
        Kapi.Diagnostics.WorkCounter.Tick();
        if (++_depth > 256)
        {
            _depth--;
            return Fail(e.Span, "…", "the expression nests too deeply");
        }
        try
        {
            return EvalCore(e);
        }
        finally
        {
            _depth--;
        }
    }

    private Num? EvalCore(ExpressionSyntax e)
    {
        switch (e)
        {
            case NumberLiteralSyntax n:
                if (!n.IsValid) return Fail(n.Span, n.Text, "invalid literal");
                return new Num(unchecked((long)n.Value), n.IsUnsigned || n.Value > long.MaxValue);
            case CharLiteralSyntax c:
                return new Num((long)c.Value, false);
            case ParenthesizedExpressionSyntax p:
                return Eval(p.Inner);
            case IdentifierSyntax id:
                return Lookup(id);
            case UnaryExpressionSyntax u:
                {
                    var o = Eval(u.Operand);
                    if (o is not Num v) return null;
                    return u.Operator switch
                    {
                        TokenKind.Minus => new Num(unchecked(-v.Value), v.Unsigned),
                        TokenKind.Plus => v,
                        TokenKind.Tilde => new Num(~v.Value, v.Unsigned),
                        TokenKind.Bang => new Num(v.Value == 0 ? 1 : 0, false),
                        _ => Fail(u.Span, ExpressionPrinter.Print(u), "unsupported operator"),
                    };
                }
            case BinaryExpressionSyntax b:
                return EvalBinary(b);
            case ConditionalExpressionSyntax c:
                {
                    var cond = Eval(c.Condition);
                    if (cond is not Num cv) return null;
                    return cv.Value != 0 ? Eval(c.WhenTrue) : Eval(c.WhenFalse);
                }
            case CastExpressionSyntax cast:
                {
                    var o = Eval(cast.Operand);
                    if (o is not Num v) return null;
                    return ApplyCast(cast.Type.Text, v);
                }
            case SizeofExpressionSyntax s:
                return EvalSizeof(s);
            case CallExpressionSyntax call:
                return EvalCall(call);
            case StringLiteralSyntax str:
                return Fail(str.Span, "string", "a string literal is not a number");
            case MissingExpressionSyntax m:
                return Fail(m.Span, "?", "the value is missing or could not be parsed");
            default:
                return Fail(e.Span, ExpressionPrinter.Print(e), "not an integer constant expression");
        }
    }

    private Num? Lookup(IdentifierSyntax id)
    {
        string name = id.Name;
        if (_symbols.TryGetDefine(name, out var define))
        {
            if (!_symbols.EnterDefine(name)) return Fail(id.Span, name, "the #define refers to itself");
            try
            {
                var r = Eval(define);
                return r;
            }
            finally
            {
                _symbols.LeaveDefine(name);
            }
        }
        if (KapiVocabulary.TryGetNumber(name, out long kv)) return new Num(kv, false);
        if (UapiConstants.IsKnown(name))
        {
            if (!UapiConstants.IsUniform(name)) UsedArchDependentValue = true;
            if (UapiConstants.TryGetValue(name, _arch, out long v)) return new Num(v, s_unsignedNames.Contains(name));
            UndefinedOnArch = true;
            return null;
        }
        switch (name)
        {
            case "true": return new Num(1, false);
            case "false": return new Num(0, false);
            case "NULL": return new Num(0, false);
        }
        return Fail(id.Span, name, "unknown constant", unknownName: true);
    }

    private Num? EvalBinary(BinaryExpressionSyntax b)
    {
        // short-circuit operators
        if (b.Operator is TokenKind.AmpAmp or TokenKind.BarBar)
        {
            var l0 = Eval(b.Left);
            if (l0 is not Num lv0) return null;
            if (b.Operator == TokenKind.AmpAmp && lv0.Value == 0) return new Num(0, false);
            if (b.Operator == TokenKind.BarBar && lv0.Value != 0) return new Num(1, false);
            var r0 = Eval(b.Right);
            if (r0 is not Num rv0) return null;
            return new Num(rv0.Value != 0 ? 1 : 0, false);
        }
        var lo = Eval(b.Left);
        var ro = Eval(b.Right);
        if (lo is not Num l || ro is not Num r) return null;
        bool u = l.Unsigned || r.Unsigned;
        ulong ul = unchecked((ulong)l.Value), ur = unchecked((ulong)r.Value);
        unchecked
        {
            switch (b.Operator)
            {
                case TokenKind.Bar: return new Num(l.Value | r.Value, u);
                case TokenKind.Amp: return new Num(l.Value & r.Value, u);
                case TokenKind.Caret: return new Num(l.Value ^ r.Value, u);
                case TokenKind.Plus: return new Num(l.Value + r.Value, u);
                case TokenKind.Minus: return new Num(l.Value - r.Value, u);
                case TokenKind.Star: return new Num(l.Value * r.Value, u);
                case TokenKind.Slash:
                case TokenKind.Percent:
                    if (r.Value == 0) return Fail(b.Span, ExpressionPrinter.Print(b), "division by zero");
                    if (u) return new Num((long)(b.Operator == TokenKind.Slash ? ul / ur : ul % ur), true);
                    if (l.Value == long.MinValue && r.Value == -1) return Fail(b.Span, ExpressionPrinter.Print(b), "overflow");
                    return new Num(b.Operator == TokenKind.Slash ? l.Value / r.Value : l.Value % r.Value, false);
                case TokenKind.LessLess:
                    if (r.Value < 0 || r.Value > 63) return Fail(b.Span, ExpressionPrinter.Print(b), $"shift count {r.Value} is out of range");
                    return new Num(l.Value << (int)r.Value, l.Unsigned);
                case TokenKind.GreaterGreater:
                    if (r.Value < 0 || r.Value > 63) return Fail(b.Span, ExpressionPrinter.Print(b), $"shift count {r.Value} is out of range");
                    return l.Unsigned ? new Num((long)(ul >> (int)r.Value), true) : new Num(l.Value >> (int)r.Value, false);
                case TokenKind.EqualsEquals: return new Num(l.Value == r.Value ? 1 : 0, false);
                case TokenKind.BangEquals: return new Num(l.Value != r.Value ? 1 : 0, false);
                case TokenKind.Less: return new Num((u ? ul < ur : l.Value < r.Value) ? 1 : 0, false);
                case TokenKind.Greater: return new Num((u ? ul > ur : l.Value > r.Value) ? 1 : 0, false);
                case TokenKind.LessEquals: return new Num((u ? ul <= ur : l.Value <= r.Value) ? 1 : 0, false);
                case TokenKind.GreaterEquals: return new Num((u ? ul >= ur : l.Value >= r.Value) ? 1 : 0, false);
            }
        }
        return Fail(b.Span, ExpressionPrinter.Print(b), "unsupported operator");
    }

    private Num? ApplyCast(string type, Num v)
    {
        string t = type.Replace("const", string.Empty).Replace("volatile", string.Empty).Trim();
        UsedArchDependentValue = true;
        if (t.EndsWith("*", StringComparison.Ordinal)) return new Num(_arch.Is64Bit() ? v.Value : (long)(uint)v.Value, true);
        long? size = PrimitiveSize(t);
        bool unsigned = IsUnsignedType(t);
        if (size is null) return v;
        unchecked
        {
            return size switch
            {
                1 => unsigned ? new Num((byte)v.Value, true) : new Num((sbyte)v.Value, false),
                2 => unsigned ? new Num((ushort)v.Value, true) : new Num((short)v.Value, false),
                4 => unsigned ? new Num((uint)v.Value, true) : new Num((int)v.Value, false),
                _ => new Num(v.Value, unsigned),
            };
        }
    }

    private static bool IsUnsignedType(string t) =>
        t.StartsWith("unsigned", StringComparison.Ordinal) || t.StartsWith("u", StringComparison.Ordinal) && !t.StartsWith("union", StringComparison.Ordinal)
        || t.StartsWith("__u", StringComparison.Ordinal) || t is "size_t" or "uintptr_t" or "_Bool" or "bool" or "umode_t";

    internal long? PrimitiveSize(string t)
    {
        int ptr = _arch.PointerSize();
        switch (t)
        {
            case "char": case "signed char": case "unsigned char": case "s8": case "u8": case "__s8": case "__u8": case "_Bool": case "bool": case "int8_t": case "uint8_t":
                return 1;
            case "short": case "unsigned short": case "short int": case "s16": case "u16": case "__s16": case "__u16": case "__le16": case "__be16": case "int16_t": case "uint16_t": case "umode_t":
                return 2;
            case "int": case "unsigned": case "unsigned int": case "signed int": case "signed": case "s32": case "u32": case "__s32": case "__u32": case "__le32": case "__be32":
            case "int32_t": case "uint32_t": case "pid_t": case "uid_t": case "gid_t": case "mode_t": case "key_serial_t": case "float": case "__kernel_pid_t":
                return 4;
            case "long long": case "unsigned long long": case "long long int": case "s64": case "u64": case "__s64": case "__u64": case "__le64": case "__be64":
            case "int64_t": case "uint64_t": case "loff_t": case "double": case "__aligned_u64": case "aio_context_t":
            case "binder_size_t": case "binder_uintptr_t":
                return 8;
            case "long": case "unsigned long": case "long int": case "unsigned long int": case "signed long": case "size_t": case "ssize_t": case "uintptr_t": case "intptr_t":
            case "off_t": case "time_t": case "ptrdiff_t": case "__kernel_size_t": case "__kernel_ulong_t": case "__kernel_long_t":
                return ptr;
            case "sigset_t":
                return 8; // kernel sigset_t (_NSIG = 64 bits)
        }
        return null;
    }

    private Num? EvalSizeof(SizeofExpressionSyntax s)
    {
        UsedArchDependentValue = true;
        bool align = s.Keyword != "sizeof";
        var operand = s.Operand is ParenthesizedExpressionSyntax p ? p.Inner : s.Operand;
        if (operand is TypeNameSyntax type)
        {
            string t = type.Text.Replace("const", string.Empty).Replace("volatile", string.Empty).Trim();
            if (t.EndsWith("*", StringComparison.Ordinal)) return new Num(_arch.PointerSize(), true);
            if (type.Tag is string tag)
            {
                if (align ? UapiStructs.TryGetAlignment(tag, _arch, out long a) : UapiStructs.TryGetSize(tag, _arch, out a)) return new Num(a, true);
                return Fail(type.Span, t, UapiStructs.IsKnown(tag) ? "the struct's layout is unknown on this architecture" : "unknown struct", unknownName: true);
            }
            var size = PrimitiveSize(t);
            if (size is long sz) return new Num(align ? Math.Min(sz, _arch.Is64Bit() ? 8 : (t.Contains("long long") || t.Contains("64") ? 4 : sz)) : sz, true);
            return Fail(type.Span, t, "unknown type", unknownName: true);
        }
        if (operand is IdentifierSyntax id && PrimitiveSize(id.Name) is long isz)
        {
            return new Num(isz, true);
        }
        return Fail(s.Span, ExpressionPrinter.Print(s), "sizeof of an expression is not supported");
    }

    /// <summary>
    /// The name of the pseudo-macro a kerneldoc <c>arch-mask: ARCH = BITS</c> binds to: <c>__kapi_arch(ARCH, BITS)</c> is
    /// BITS on the architectures the kernel's <c>CONFIG_ARCH</c> selects and 0 elsewhere. The leading underscores keep it
    /// out of any name a spec can write.
    /// </summary>
    internal const string ArchitectureFunction = "__kapi_arch";

    /// <summary>Kernel architecture directory names (arch/NAME) and the modelled architectures each one covers.</summary>
    private static readonly Dictionary<string, KapiArchitecture[]> KernelArchitectures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["x86"] = new[] { KapiArchitecture.X64, KapiArchitecture.X86 },
        ["x86_64"] = new[] { KapiArchitecture.X64 },
        ["x86_32"] = new[] { KapiArchitecture.X86 },
        ["arm"] = new[] { KapiArchitecture.Arm },
        ["arm64"] = new[] { KapiArchitecture.Arm64 },
        ["powerpc"] = new[] { KapiArchitecture.Ppc64le },
        ["ppc64"] = new[] { KapiArchitecture.Ppc64le },
        ["s390"] = new[] { KapiArchitecture.S390x },
        ["riscv"] = new[] { KapiArchitecture.RiscV64 },
        ["loongarch"] = new[] { KapiArchitecture.LoongArch64 },
        ["alpha"] = Array.Empty<KapiArchitecture>(),
        ["arc"] = Array.Empty<KapiArchitecture>(),
        ["csky"] = Array.Empty<KapiArchitecture>(),
        ["hexagon"] = Array.Empty<KapiArchitecture>(),
        ["m68k"] = Array.Empty<KapiArchitecture>(),
        ["microblaze"] = Array.Empty<KapiArchitecture>(),
        ["mips"] = Array.Empty<KapiArchitecture>(),
        ["nios2"] = Array.Empty<KapiArchitecture>(),
        ["openrisc"] = Array.Empty<KapiArchitecture>(),
        ["parisc"] = Array.Empty<KapiArchitecture>(),
        ["sh"] = Array.Empty<KapiArchitecture>(),
        ["sparc"] = Array.Empty<KapiArchitecture>(),
        ["um"] = Array.Empty<KapiArchitecture>(),
        ["xtensa"] = Array.Empty<KapiArchitecture>(),
    };

    private Num? EvalCall(CallExpressionSyntax call)
    {
        var args = call.Arguments;
        switch (call.Name)
        {
            case ArchitectureFunction:
                {
                    if (args.Count != 2 || args[0] is not IdentifierSyntax archName) return Fail(call.Span, ExpressionPrinter.Print(call), "expects an architecture and a value");
                    if (!KernelArchitectures.TryGetValue(archName.Name, out var covered))
                        return Fail(archName.Span, archName.Name, "is not a kernel architecture (arch/ directory name such as x86, arm64, powerpc)");
                    UsedArchDependentValue = true;
                    var bits = Eval(args[1]);
                    if (bits is not Num bv) return null;
                    return Array.IndexOf(covered, _arch) >= 0 ? bv : new Num(0, bv.Unsigned);
                }
            case "BIT":
            case "BIT_ULL":
                {
                    if (args.Count != 1) return Fail(call.Span, call.Name, "expects one argument");
                    var n = Eval(args[0]);
                    if (n is not Num nv) return null;
                    if (nv.Value < 0 || nv.Value > 63) return Fail(call.Span, ExpressionPrinter.Print(call), "bit number out of range");
                    return new Num(1L << (int)nv.Value, true);
                }
            case "GENMASK":
            case "GENMASK_ULL":
                {
                    if (args.Count != 2) return Fail(call.Span, call.Name, "expects two arguments");
                    var h = Eval(args[0]);
                    var l = Eval(args[1]);
                    if (h is not Num hv || l is not Num lv) return null;
                    if (hv.Value > 63 || lv.Value < 0 || lv.Value > hv.Value) return Fail(call.Span, ExpressionPrinter.Print(call), "bad bit range");
                    ulong mask = (hv.Value == 63 ? ulong.MaxValue : ((1UL << (int)(hv.Value + 1)) - 1)) & ~((1UL << (int)lv.Value) - 1);
                    return new Num(unchecked((long)mask), true);
                }
            case "ARRAY_SIZE":
                {
                    if (args.Count == 1 && args[0] is IdentifierSyntax arr && _symbols.TryGetArray(arr.Name, out var elems)) return new Num(elems.Count, true);
                    if (args.Count == 1 && args[0] is CompoundLiteralSyntax cl) return new Num(cl.Initializer.Elements.Count, true);
                    return Fail(call.Span, ExpressionPrinter.Print(call), "ARRAY_SIZE of an unknown array", unknownName: true);
                }
            case "offsetof":
            case "__builtin_offsetof":
                {
                    if (args.Count == 2 && args[0] is TypeNameSyntax { Tag: string tag } && args[1] is IdentifierSyntax member)
                    {
                        UsedArchDependentValue = true;
                        if (UapiStructFields.TryGetOffset(tag, member.Name, _arch, out long off)) return new Num(off, true);
                        return Fail(call.Span, ExpressionPrinter.Print(call), "unknown struct member", unknownName: true);
                    }
                    return Fail(call.Span, ExpressionPrinter.Print(call), "offsetof needs (struct tag, member)");
                }
            case "_IO":
            case "_IOR":
            case "_IOW":
            case "_IOWR":
                UsedArchDependentValue = true;
                return EvalIoctl(call);
        }
        return Fail(call.NameSpan, call.Name, "unknown macro in a value", unknownName: true);
    }

    private Num? EvalIoctl(CallExpressionSyntax call)
    {
        var args = call.Arguments;
        int expected = call.Name == "_IO" ? 2 : 3;
        if (args.Count != expected) return Fail(call.Span, call.Name, $"expects {expected} arguments");
        var type = Eval(args[0]);
        var nr = Eval(args[1]);
        if (type is not Num tv || nr is not Num nv) return null;
        long size = 0;
        if (expected == 3)
        {
            var sz = args[2] is TypeNameSyntax tn ? EvalSizeof(new SizeofExpressionSyntax(tn.Span, "sizeof", tn)) : Eval(new SizeofExpressionSyntax(args[2].Span, "sizeof", args[2]));
            if (sz is not Num szv) return null;
            size = szv.Value;
        }
        bool ppc = _arch == KapiArchitecture.Ppc64le;
        // generic: NONE=0, WRITE=1, READ=2, size 14 bits; powerpc: NONE=1, READ=2, WRITE=4, size 13 bits
        long dir = call.Name switch
        {
            "_IO" => ppc ? 1 : 0,
            "_IOR" => 2,
            "_IOW" => ppc ? 4 : 1,
            _ => ppc ? 6 : 3,
        };
        int sizeBits = ppc ? 13 : 14;
        if (size >= 1L << sizeBits) return Fail(call.Span, ExpressionPrinter.Print(call), "the size does not fit the ioctl encoding");
        long value = (dir << (16 + sizeBits)) | (size << 16) | ((tv.Value & 0xFF) << 8) | (nv.Value & 0xFF);
        return new Num(value & 0xFFFFFFFFL, true);
    }
}

using System.Globalization;

namespace Kapi.Generators.Emitting;

/// <summary>
/// Writes the body of the typed wrapper: the checks of its <see cref="ValidationPlan"/>, the translation of enum
/// arguments to native values, UTF-8 strings in native memory, the native call, and errno read after a failure
/// (<c>KapiErrno.Read</c>: what <c>Marshal.GetLastSystemError</c> returns, one native call cheaper).
/// </summary>
internal static class WrapperBodyEmitter
{
    private const string Marshal = "global::System.Runtime.InteropServices.Marshal";
    private const string ReadErrno = "global::Kapi.Runtime.KapiErrno.Read()";
    private const string PrepareErrno = "global::Kapi.Runtime.KapiErrno.Prepare();";

    public static void Emit(SourceWriter w, SyscallPlan s)
    {
        string result = WrapperSignature.ResultType(s);
        string einval = Rejection(s, result);

        // 1. Constraint checks (CONFIG_KAPI_RUNTIME_CHECKS semantics): EINVAL before entering the kernel.
        foreach (var p in s.Validation.Parameters) ValidationEmitter.Emit(w, p, einval);

        // 2. Portable -> native values.
        var args = new List<string>();
        foreach (var p in s.Params)
        {
            switch (p.Kind)
            {
                case ParamKind.FileDescriptor:
                    args.Add(p.Identifier + ".Value");
                    break;
                case ParamKind.String:
                    args.Add(p.NativeLocal);
                    break;
                default:
                    if (p.Enum is not null)
                    {
                        string local = p.NativeLocal;
                        w.Line($"if (!{p.Enum}Info.TryToNative({p.Identifier}, out {p.NativeType} {local})) return {einval};");
                        args.Add(local);
                    }
                    else
                    {
                        args.Add(p.Identifier);
                    }
                    break;
            }
        }

        string call = $"{s.NativeMethodName}({string.Join(", ", args)})";
        string success = s.Return.Kind switch
        {
            ReturnKind.Status => $"{result}.Success",
            ReturnKind.FileDescriptor => $"{result}.Success(new global::Kapi.Runtime.FileDescriptor(__ret))",
            _ => $"{result}.Success(__ret)",
        };
        string failure = $"{result}.Failure({WrapperSignature.FromErrnoMethod(s)}(__errno), __errno)";

        // 3. The call, after KapiErrno.Prepare (it binds errno's reader on a process's first call, so that nothing runs
        //    between the call and the read; optimized code has nothing left of it afterwards). Where the spec allows -1
        //    as a successful result, errno is cleared first and -1 with errno 0 is that success. Everywhere else -1 is a
        //    failure, whatever errno says (libc sets it whenever it returns -1, so clearing it would only cost a native
        //    call; a -1 with errno 0 is reported as the failure it is, errno 0).
        bool minusOneCanSucceed = s.Return.MinusOneCanSucceed;
        var strings = s.Params.Where(p => p.Kind == ParamKind.String).ToList();
        if (strings.Count == 0)
        {
            w.Line(PrepareErrno);
            if (minusOneCanSucceed) w.Line($"{Marshal}.SetLastSystemError(0);");
            w.Line($"{s.Return.NativeType} __ret = {call};");
            w.Open("if (__ret == -1)");
            w.Line($"int __errno = {ReadErrno};");
            w.Line(minusOneCanSucceed ? $"if (__errno != 0) return {failure};" : $"return {failure};");
            w.Close();
            w.Line($"return {success};");
            return;
        }

        foreach (var p in strings)
        {
            w.Line($"nint {p.NativeLocal} = {Marshal}.StringToCoTaskMemUTF8({p.Identifier});");
        }
        w.Line(PrepareErrno);
        w.Line($"{s.Return.NativeType} __ret;");
        w.Line("int __errno = 0;");
        w.Line("try");
        w.OpenBrace();
        if (minusOneCanSucceed) w.Line($"{Marshal}.SetLastSystemError(0);");
        w.Line($"__ret = {call};");
        w.Line($"if (__ret == -1) __errno = {ReadErrno};");
        w.Close();
        w.Line("finally");
        w.OpenBrace();
        foreach (var p in strings) w.Line($"{Marshal}.FreeCoTaskMem({p.NativeLocal});");
        w.Close();
        w.Line(minusOneCanSucceed ? $"if (__ret == -1 && __errno != 0) return {failure};" : $"if (__ret == -1) return {failure};");
        w.Line($"return {success};");
    }

    /// <summary>The failure a rejected argument returns (<see cref="ValidationPlan.Rejection"/>).</summary>
    private static string Rejection(SyscallPlan s, string result)
    {
        var r = s.Validation.Rejection;
        string error = r.Member is string m ? $"{s.Errors.TypeName}.{m}" : $"({s.Errors.TypeName}){r.Portable.ToString(CultureInfo.InvariantCulture)}";
        string native = ArchitectureExpressions.Int(r.Native, r.Portable);
        return $"{result}.Rejected({error}, {native})";
    }
}

// Kapi sample: call mlockall(2)/munlockall(2) through bindings generated from KAPI specs, then print the spec
// metadata the generator embedded. Run with: dotnet run --project samples/Kapi.Samples.MlockAll
using System;
using System.Linq;
using System.Runtime.CompilerServices;
using Kapi.Generated;
using Kapi.Runtime;

// The bindings need no runtime marshalling: blittable DllImports, errno read by the wrapper.
[assembly: DisableRuntimeMarshalling]

Console.WriteLine($"Kapi sample on linux-{KapiPlatform.Architecture.RidName()}");
Console.WriteLine();

// 1. A valid call with typed flags. MCL_ONFAULT locks pages as they are touched, so nothing is faulted in now.
var flags = MlockallFlags.MCL_CURRENT | MlockallFlags.MCL_ONFAULT;
var locked = Syscalls.Mlockall(flags);
Console.WriteLine($"mlockall({flags}) -> {locked}");
if (locked.IsSuccess)
{
    var unlocked = Syscalls.Munlockall();
    Console.WriteLine($"munlockall() -> {unlocked}");
}
else
{
    // EPERM/ENOMEM depend on privileges and RLIMIT_MEMLOCK: the typed error carries the spec's explanation.
    Console.WriteLine($"  {locked.Error}: {KernelApiSpecs.SysMlockall.FindError(locked.Error.ToString())?.Description}");
}

// 2. An invalid call: MCL_ONFAULT alone breaks the spec's required mask, so the wrapper answers EINVAL
//    before entering the kernel (KapiRuntimeValidation, on by default).
//    The analyzers catch this call at compile time too (KAPI2002); here the wrong call is the point of the demo.
var onFaultOnly = MlockallFlags.MCL_ONFAULT;
#pragma warning disable KAPI2002 // Flag value rejected by the specification
var rejected = Syscalls.Mlockall(onFaultOnly);
#pragma warning restore KAPI2002
Console.WriteLine($"mlockall({onFaultOnly}) -> {rejected}");
Console.WriteLine();

// 3. The spec metadata, queryable at run time.
var spec = KernelApiSpecs.Get("sys_mlockall");
Console.WriteLine($"{spec.Name}: {spec.Description}");
Console.WriteLine($"  binding: {spec.BindingMethod}, spec file: {spec.SourceFile}");
foreach (var p in spec.Parameters)
{
    Console.WriteLine($"  parameter {p.Index}: {p.CTypeName} {p.Name} - {p.Description}");
    if (p.ValidMask is { } mask)
    {
        Console.WriteLine($"    valid mask: {mask.Expression} = 0x{mask.Value:X} here (portable 0x{mask.PortableValue:X})");
        foreach (var f in p.MaskFlags)
        {
            Console.WriteLine($"      {f.Name,-12} 0x{f.Value.Value:X}{(f.Value.IsUniform ? "" : $"  (per architecture: {f.Value})")}");
        }
    }
    if (p.RequiredMask is { } required) Console.WriteLine($"    required: at least one of {required.Expression}");
    if (p.ConstraintText is { } text) Console.WriteLine($"    constraint: {text}");
}
Console.WriteLine("  errors:");
foreach (var e in spec.Errors)
{
    Console.WriteLine($"    {e.Name,-7} {e.Condition}: {e.Description}");
}
Console.WriteLine($"  registry: {string.Join(", ", KernelApiSpecs.All.Select(s => s.Name))}");

// Exit code: 0 when the calls behaved as the spec says.
bool expected = (locked.IsSuccess || locked.Error is MlockallError.EPERM or MlockallError.ENOMEM)
                && rejected.Error == MlockallError.EINVAL && rejected.IsRejectedBeforeCall;
return expected ? 0 : 1;

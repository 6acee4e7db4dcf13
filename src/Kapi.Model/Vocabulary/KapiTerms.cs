#if KAPI_RUNTIME
using System; // Kapi.Runtime has no global usings: its sources also compile into users' projects

namespace Kapi.Runtime.Metadata;
#else
namespace Kapi.Vocabulary;
#endif

// This file is compiled into Kapi.Model (namespace Kapi.Vocabulary) and into Kapi.Runtime (Kapi.Runtime.Metadata).
// The enumerations of the KAPI vocabulary (the kernel's include/linux/kernel_api_spec.h, every series), as the
// binder sets them from the identifiers a spec uses. Numeric values follow the PATCH v1+ header where it numbers a
// member; members that only RFC v2 has get numbers after the others. KapiVocabulary maps every KAPI_* identifier to
// one of these members.

/// <summary><c>enum kapi_param_type</c> (<c>KAPI_TYPE_*</c>).</summary>
public enum KapiParamType
{
    /// <summary>No value (<c>KAPI_TYPE_VOID</c>).</summary>
    Void = 0,
    /// <summary>A signed integer.</summary>
    Int = 1,
    /// <summary>An unsigned integer.</summary>
    Uint = 2,
    /// <summary>A kernel pointer.</summary>
    Ptr = 3,
    /// <summary>A structure passed by value.</summary>
    Struct = 4,
    /// <summary>A union.</summary>
    Union = 5,
    /// <summary>An enumeration value.</summary>
    Enum = 6,
    /// <summary>A function pointer.</summary>
    FuncPtr = 7,
    /// <summary>An array.</summary>
    Array = 8,
    /// <summary>A file descriptor.</summary>
    Fd = 9,
    /// <summary>A pointer into user memory.</summary>
    UserPtr = 10,
    /// <summary>A path name in user memory.</summary>
    Path = 11,
    /// <summary>A type the spec describes in words.</summary>
    Custom = 12,
    /// <summary>RFC v2 only (sysfs attributes).</summary>
    String = 13,
    /// <summary>RFC v2 only.</summary>
    Bool = 14,
    /// <summary>RFC v2 only.</summary>
    Hex = 15,
    /// <summary>RFC v2 only.</summary>
    Binary = 16,
    /// <summary>RFC v2 only.</summary>
    Bitmap = 17,
}

/// <summary><c>enum kapi_param_flags</c> (<c>KAPI_PARAM_*</c>).</summary>
[Flags]
public enum KapiParamFlags
{
    /// <summary>No flag.</summary>
    None = 0,
    /// <summary>Read by the call.</summary>
    In = 1,
    /// <summary>Written by the call.</summary>
    Out = 2,
    /// <summary>Read and written.</summary>
    InOut = In | Out,
    /// <summary>May be null or absent.</summary>
    Optional = 8,
    /// <summary>Not modified.</summary>
    Const = 16,
    /// <summary>May change while the call runs.</summary>
    Volatile = 32,
    /// <summary>Lives in user memory.</summary>
    User = 64,
    /// <summary>DMA-capable memory.</summary>
    Dma = 128,
    /// <summary>Must be aligned.</summary>
    Aligned = 256,
    /// <summary>A read-only sysfs attribute.</summary>
    SysfsReadOnly = 512,
    /// <summary>A write-only sysfs attribute.</summary>
    SysfsWriteOnly = 1024,
    /// <summary>A read-write sysfs attribute.</summary>
    SysfsReadWrite = 2048,
    /// <summary>A binary sysfs attribute.</summary>
    SysfsBinary = 4096,
}

/// <summary><c>enum kapi_constraint_type</c> (<c>KAPI_CONSTRAINT_*</c>).</summary>
public enum KapiConstraintKind
{
    /// <summary>No constraint.</summary>
    None = 0,
    /// <summary>Between a minimum and a maximum.</summary>
    Range = 1,
    /// <summary>Only the bits of a valid mask.</summary>
    Mask = 2,
    /// <summary>One of a list of values.</summary>
    Enum = 3,
    /// <summary>A multiple of an alignment.</summary>
    Alignment = 4,
    /// <summary>A power of two.</summary>
    PowerOfTwo = 5,
    /// <summary>A multiple of the page size.</summary>
    PageAligned = 6,
    /// <summary>Not zero.</summary>
    NonZero = 7,
    /// <summary>A string in user memory.</summary>
    UserString = 8,
    /// <summary>A path in user memory.</summary>
    UserPath = 9,
    /// <summary>A valid user pointer.</summary>
    UserPtr = 10,
    /// <summary>A buffer whose size another parameter gives.</summary>
    Buffer = 11,
    /// <summary>Checked by a function or described in words.</summary>
    Custom = 12,
}

/// <summary><c>enum kapi_context_flags</c> (<c>KAPI_CTX_*</c>).</summary>
[Flags]
public enum KapiContextFlags
{
    /// <summary>No context given.</summary>
    None = 0,
    /// <summary>Process context.</summary>
    Process = 1,
    /// <summary>Soft interrupt context.</summary>
    Softirq = 2,
    /// <summary>Hard interrupt context.</summary>
    Hardirq = 4,
    /// <summary>Non-maskable interrupt context.</summary>
    Nmi = 8,
    /// <summary>Atomic context (may not sleep).</summary>
    Atomic = 16,
    /// <summary>May sleep.</summary>
    Sleepable = 32,
    /// <summary>With preemption disabled.</summary>
    PreemptDisabled = 64,
    /// <summary>With interrupts disabled.</summary>
    IrqDisabled = 128,
}

/// <summary><c>enum kapi_return_check_type</c> (<c>KAPI_RETURN_*</c>).</summary>
public enum KapiReturnCheck
{
    /// <summary>Success is one exact value.</summary>
    Exact = 0,
    /// <summary>Success is a range of values.</summary>
    Range = 1,
    /// <summary>Negative values are errors.</summary>
    ErrorCheck = 2,
    /// <summary>Success is a file descriptor.</summary>
    Fd = 3,
    /// <summary>Checked by a function.</summary>
    Custom = 4,
    /// <summary>The call does not return.</summary>
    NoReturn = 5,
}

/// <summary><c>enum kapi_lock_type</c> (<c>KAPI_LOCK_*</c>).</summary>
public enum KapiLockType
{
    /// <summary>No lock.</summary>
    None = 0,
    /// <summary>A mutex.</summary>
    Mutex = 1,
    /// <summary>A spinlock.</summary>
    Spinlock = 2,
    /// <summary>A reader-writer lock.</summary>
    RwLock = 3,
    /// <summary>A sequence lock.</summary>
    SeqLock = 4,
    /// <summary>RCU.</summary>
    Rcu = 5,
    /// <summary>A semaphore.</summary>
    Semaphore = 6,
    /// <summary>Another kind of lock.</summary>
    Custom = 7,
}

/// <summary><c>enum kapi_lock_scope</c> (PATCH v1+): who takes and releases the lock.</summary>
public enum KapiLockScope
{
    /// <summary>Acquired and released inside the call.</summary>
    Internal = 0,
    /// <summary>Acquired by the call and still held when it returns.</summary>
    Acquires = 1,
    /// <summary>Held on entry and released by the call.</summary>
    Releases = 2,
    /// <summary>The caller must hold it.</summary>
    CallerHeld = 3,
}

/// <summary><c>KAPI_SIGNAL_RECEIVE</c> … <c>KAPI_SIGNAL_IGNORE</c>: how the call relates to a signal (a bit mask).</summary>
[Flags]
public enum KapiSignalDirections
{
    /// <summary>No direction.</summary>
    None = 0,
    /// <summary>The call may receive the signal.</summary>
    Receive = 1,
    /// <summary>The call sends the signal.</summary>
    Send = 2,
    /// <summary>The call handles the signal.</summary>
    Handle = 4,
    /// <summary>The call blocks the signal.</summary>
    Block = 8,
    /// <summary>The call ignores the signal.</summary>
    Ignore = 16,
}

/// <summary><c>enum kapi_signal_action</c> (<c>KAPI_SIGNAL_ACTION_*</c>).</summary>
public enum KapiSignalAction
{
    /// <summary>The default action.</summary>
    Default = 0,
    /// <summary>Terminates the process.</summary>
    Terminate = 1,
    /// <summary>Terminates with a core dump.</summary>
    Coredump = 2,
    /// <summary>Stops the process.</summary>
    Stop = 3,
    /// <summary>Continues a stopped process.</summary>
    Continue = 4,
    /// <summary>A handler.</summary>
    Custom = 5,
    /// <summary>The call returns (usually with EINTR).</summary>
    Return = 6,
    /// <summary>The call is restarted.</summary>
    Restart = 7,
    /// <summary>The signal is queued.</summary>
    Queue = 8,
    /// <summary>The signal is discarded.</summary>
    Discard = 9,
    /// <summary>The signal is turned into another.</summary>
    Transform = 10,
}

/// <summary><c>KAPI_SIGNAL_STATE_*</c>: task states a signal spec requires or forbids (a bit mask).</summary>
[Flags]
public enum KapiSignalStates
{
    /// <summary>No state.</summary>
    None = 0,
    /// <summary>Running.</summary>
    Running = 1,
    /// <summary>Sleeping.</summary>
    Sleeping = 2,
    /// <summary>Stopped.</summary>
    Stopped = 4,
    /// <summary>Traced.</summary>
    Traced = 8,
    /// <summary>A zombie.</summary>
    Zombie = 16,
    /// <summary>Dead.</summary>
    Dead = 32,
}

/// <summary><c>KAPI_SIGNAL_TIME_*</c> (and the PATCH v3+ short tokens): when the signal matters.</summary>
public enum KapiSignalTiming
{
    /// <summary>Not given.</summary>
    Unspecified = 0,
    /// <summary>Before the call does its work.</summary>
    Before,
    /// <summary>On entry.</summary>
    Entry,
    /// <summary>While the call runs.</summary>
    During,
    /// <summary>At any time.</summary>
    Anytime,
    /// <summary>While the call blocks.</summary>
    WhileBlocked,
    /// <summary>While the call sleeps.</summary>
    WhileSleeping,
    /// <summary>After the call did its work.</summary>
    After,
    /// <summary>On exit.</summary>
    Exit,
}

/// <summary><c>enum kapi_side_effect_type</c> (<c>KAPI_EFFECT_*</c>, a bit mask).</summary>
[Flags]
public enum KapiEffects
{
    /// <summary>No side effect.</summary>
    None = 0,
    /// <summary>Allocates memory.</summary>
    AllocMemory = 1 << 0,
    /// <summary>Frees memory.</summary>
    FreeMemory = 1 << 1,
    /// <summary>Changes kernel state.</summary>
    ModifyState = 1 << 2,
    /// <summary>Sends a signal.</summary>
    SignalSend = 1 << 3,
    /// <summary>Moves a file position.</summary>
    FilePosition = 1 << 4,
    /// <summary>Acquires a lock.</summary>
    LockAcquire = 1 << 5,
    /// <summary>Releases a lock.</summary>
    LockRelease = 1 << 6,
    /// <summary>Creates a resource.</summary>
    ResourceCreate = 1 << 7,
    /// <summary>Destroys a resource.</summary>
    ResourceDestroy = 1 << 8,
    /// <summary>May schedule.</summary>
    Schedule = 1 << 9,
    /// <summary>Touches hardware.</summary>
    Hardware = 1 << 10,
    /// <summary>Does network I/O.</summary>
    Network = 1 << 11,
    /// <summary>Changes a file system.</summary>
    Filesystem = 1 << 12,
    /// <summary>Changes process state.</summary>
    ProcessState = 1 << 13,
    /// <summary>Cannot be undone.</summary>
    Irreversible = 1 << 14,
}

/// <summary><c>enum kapi_capability_action</c> (<c>KAPI_CAP_*</c>): what holding the capability does.</summary>
public enum KapiCapabilityAction
{
    /// <summary>Skips a check.</summary>
    BypassCheck = 0,
    /// <summary>Raises a limit.</summary>
    IncreaseLimit = 1,
    /// <summary>Overrides a restriction.</summary>
    OverrideRestriction = 2,
    /// <summary>Grants a permission.</summary>
    GrantPermission = 3,
    /// <summary>Changes what the call does.</summary>
    ModifyBehavior = 4,
    /// <summary>Gives access to a resource.</summary>
    AccessResource = 5,
    /// <summary>Allows the operation at all.</summary>
    PerformOperation = 6,
}

// Sizes and alignments (bytes) of the types KAPI specs name in sizeof/offsetof/__alignof__, per architecture.
// Order: x64, x86, arm, arm64, ppc64le, s390x, riscv64, loongarch64. Computed by compiling the UAPI definitions for each target
// (clang --target=...; loongarch64 follows the same LP64 natural-alignment rules as riscv64). Keys are struct tags without
// "struct "; typedef names (sigset_t, __u32, __aligned_u64, binder_size_t, binder_uintptr_t) are listed under their own name.
// Alignment is the ABI alignment inside a struct (a __u64 field is 4-aligned on i386).
namespace Kapi.Architectures;

public static partial class UapiStructs
{
    static partial void AddAll(Dictionary<string, (long?[] Size, long?[] Align)> t)
    {
        // struct epoll_event: packed (12 bytes, alignment 1) on x86_64 only; 12 bytes/4 on i386 by the ILP32 ABI; 16/8 elsewhere
        t["epoll_event"] = (new long?[] { 12, 12, 16, 16, 16, 16, 16, 16 }, new long?[] { 1, 4, 8, 8, 8, 8, 8, 8 });
        t["__kernel_timespec"] = (new long?[] { 16, 16, 16, 16, 16, 16, 16, 16 }, new long?[] { 8, 4, 8, 8, 8, 8, 8, 8 });
        // UAPI struct timespec (__kernel_old_time_t tv_sec; long tv_nsec)
        t["timespec"] = (new long?[] { 16, 8, 8, 16, 16, 16, 16, 16 }, new long?[] { 8, 4, 4, 8, 8, 8, 8, 8 });
        t["timeval"] = (new long?[] { 16, 8, 8, 16, 16, 16, 16, 16 }, new long?[] { 8, 4, 4, 8, 8, 8, 8, 8 });
        // kernel sigset_t: _NSIG (64) bits in unsigned longs (glibc's user-space sigset_t is 128 bytes)
        t["sigset_t"] = (new long?[] { 8, 8, 8, 8, 8, 8, 8, 8 }, new long?[] { 8, 4, 4, 8, 8, 8, 8, 8 });
        t["binder_write_read"] = (new long?[] { 48, 48, 48, 48, 48, 48, 48, 48 }, new long?[] { 8, 4, 8, 8, 8, 8, 8, 8 });
        t["binder_version"] = (new long?[] { 4, 4, 4, 4, 4, 4, 4, 4 }, new long?[] { 4, 4, 4, 4, 4, 4, 4, 4 });
        t["binder_node_debug_info"] = (new long?[] { 24, 24, 24, 24, 24, 24, 24, 24 }, new long?[] { 8, 4, 8, 8, 8, 8, 8, 8 });
        t["binder_node_info_for_ref"] = (new long?[] { 24, 24, 24, 24, 24, 24, 24, 24 }, new long?[] { 4, 4, 4, 4, 4, 4, 4, 4 });
        t["flat_binder_object"] = (new long?[] { 24, 24, 24, 24, 24, 24, 24, 24 }, new long?[] { 8, 4, 8, 8, 8, 8, 8, 8 });
        t["binder_freeze_info"] = (new long?[] { 12, 12, 12, 12, 12, 12, 12, 12 }, new long?[] { 4, 4, 4, 4, 4, 4, 4, 4 });
        t["binder_frozen_status_info"] = (new long?[] { 12, 12, 12, 12, 12, 12, 12, 12 }, new long?[] { 4, 4, 4, 4, 4, 4, 4, 4 });
        t["binder_frozen_state_info"] = (new long?[] { 16, 16, 16, 16, 16, 16, 16, 16 }, new long?[] { 8, 4, 8, 8, 8, 8, 8, 8 });
        t["binder_extended_error"] = (new long?[] { 12, 12, 12, 12, 12, 12, 12, 12 }, new long?[] { 4, 4, 4, 4, 4, 4, 4, 4 });
        t["binder_transaction_data"] = (new long?[] { 64, 64, 64, 64, 64, 64, 64, 64 }, new long?[] { 8, 4, 8, 8, 8, 8, 8, 8 });
        t["binder_transaction_data_secctx"] = (new long?[] { 72, 72, 72, 72, 72, 72, 72, 72 }, new long?[] { 8, 4, 8, 8, 8, 8, 8, 8 });
        t["binder_transaction_data_sg"] = (new long?[] { 72, 72, 72, 72, 72, 72, 72, 72 }, new long?[] { 8, 4, 8, 8, 8, 8, 8, 8 });
        t["binder_ptr_cookie"] = (new long?[] { 16, 16, 16, 16, 16, 16, 16, 16 }, new long?[] { 8, 4, 8, 8, 8, 8, 8, 8 });
        // __attribute__((packed))
        t["binder_handle_cookie"] = (new long?[] { 12, 12, 12, 12, 12, 12, 12, 12 }, new long?[] { 1, 1, 1, 1, 1, 1, 1, 1 });
        t["binder_pri_desc"] = (new long?[] { 8, 8, 8, 8, 8, 8, 8, 8 }, new long?[] { 4, 4, 4, 4, 4, 4, 4, 4 });
        t["binder_pri_ptr_cookie"] = (new long?[] { 24, 20, 24, 24, 24, 24, 24, 24 }, new long?[] { 8, 4, 8, 8, 8, 8, 8, 8 });
        t["binder_object_header"] = (new long?[] { 4, 4, 4, 4, 4, 4, 4, 4 }, new long?[] { 4, 4, 4, 4, 4, 4, 4, 4 });
        t["binder_fd_object"] = (new long?[] { 24, 24, 24, 24, 24, 24, 24, 24 }, new long?[] { 8, 4, 8, 8, 8, 8, 8, 8 });
        t["binder_buffer_object"] = (new long?[] { 40, 40, 40, 40, 40, 40, 40, 40 }, new long?[] { 8, 4, 8, 8, 8, 8, 8, 8 });
        t["binder_fd_array_object"] = (new long?[] { 32, 32, 32, 32, 32, 32, 32, 32 }, new long?[] { 8, 4, 8, 8, 8, 8, 8, 8 });
        t["fwctl_info"] = (new long?[] { 24, 24, 24, 24, 24, 24, 24, 24 }, new long?[] { 8, 8, 8, 8, 8, 8, 8, 8 });
        t["fwctl_rpc"] = (new long?[] { 32, 32, 32, 32, 32, 32, 32, 32 }, new long?[] { 8, 8, 8, 8, 8, 8, 8, 8 });
        t["v4l2_capability"] = (new long?[] { 104, 104, 104, 104, 104, 104, 104, 104 }, new long?[] { 4, 4, 4, 4, 4, 4, 4, 4 });
        t["__u32"] = (new long?[] { 4, 4, 4, 4, 4, 4, 4, 4 }, new long?[] { 4, 4, 4, 4, 4, 4, 4, 4 });
        t["__aligned_u64"] = (new long?[] { 8, 8, 8, 8, 8, 8, 8, 8 }, new long?[] { 8, 8, 8, 8, 8, 8, 8, 8 });
        // __u64 (64-bit binder ABI)
        t["binder_size_t"] = (new long?[] { 8, 8, 8, 8, 8, 8, 8, 8 }, new long?[] { 8, 4, 8, 8, 8, 8, 8, 8 });
        // __u64 (64-bit binder ABI)
        t["binder_uintptr_t"] = (new long?[] { 8, 8, 8, 8, 8, 8, 8, 8 }, new long?[] { 8, 4, 8, 8, 8, 8, 8, 8 });
    }
}

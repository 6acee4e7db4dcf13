namespace Kapi.Architectures;

/// <summary>
/// Field offsets of the UAPI structs that specs name in <c>offsetof(struct …, field)</c>. The structs used by the
/// corpus have the same layout on every architecture (fixed-width members; the binder structs use the 64-bit binder
/// ABI, where binder_size_t and binder_uintptr_t are __u64).
/// </summary>
public static class UapiStructFields
{
    private static readonly Dictionary<(string Tag, string Field), long> s_offsets = new()
    {
        // include/uapi/linux/android/binder.h
        [("binder_write_read", "write_size")] = 0,
        [("binder_write_read", "write_consumed")] = 8,
        [("binder_write_read", "write_buffer")] = 16,
        [("binder_write_read", "read_size")] = 24,
        [("binder_write_read", "read_consumed")] = 32,
        [("binder_write_read", "read_buffer")] = 40,
        // include/uapi/fwctl/fwctl.h
        [("fwctl_info", "size")] = 0,
        [("fwctl_info", "flags")] = 4,
        [("fwctl_info", "out_device_type")] = 8,
        [("fwctl_info", "device_data_len")] = 12,
        [("fwctl_info", "out_device_data")] = 16,
        [("fwctl_rpc", "size")] = 0,
        [("fwctl_rpc", "scope")] = 4,
        [("fwctl_rpc", "in_len")] = 8,
        [("fwctl_rpc", "out_len")] = 12,
        [("fwctl_rpc", "in")] = 16,
        [("fwctl_rpc", "out")] = 24,
    };

    public static bool TryGetOffset(string tag, string field, KapiArchitecture arch, out long offset)
    {
        _ = arch;
        return s_offsets.TryGetValue((tag, field), out offset);
    }
}

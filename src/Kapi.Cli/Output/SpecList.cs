namespace Kapi.Cli.Output;

/// <summary>The upstream list grouping: System Calls, IOCTLs, Functions, Sysfs Attributes (in this order).</summary>
internal static class SpecList
{
    public static readonly (string Type, string Title)[] Groups =
    {
        ("syscall", "System Calls"),
        ("ioctl", "IOCTLs"),
        ("function", "Functions"),
        ("sysfs", "Sysfs Attributes"),
    };

    /// <summary>The specs in list order: by group, then in input order (files in ordinal path order, specs in file order).</summary>
    public static List<ApiSpec> Ordered(IEnumerable<ApiSpec> specs)
    {
        var all = specs.ToList();
        var result = new List<ApiSpec>(all.Count);
        foreach (var (type, _) in Groups)
        {
            result.AddRange(all.Where(s => ValueText.ApiType(s) == type));
        }
        return result;
    }
}

using System;

namespace Kapi.Testing;

/// <summary>
/// Builds small synthetic <c>.kapi</c> specs for tests: one syscall with the given parameters, a zero-on-success
/// return and one error.
/// </summary>
internal static class SpecText
{
    public const string DefaultError = "\tKAPI_ERROR(0, -EINVAL, \"EINVAL\", \"Bad\", \"Invalid argument.\")\n";

    /// <summary><c>DEFINE_KERNEL_API_SPEC(name)</c> with <paramref name="body"/> (its parameters) and <paramref name="errors"/>.</summary>
    public static string Spec(string name, string body, string description = "Test", string errors = DefaultError) => $$"""
        DEFINE_KERNEL_API_SPEC({{name}})
        	KAPI_DESCRIPTION("{{description}}")
        {{body}}
        	KAPI_RETURN("long", "0 on success")
        		.type = KAPI_TYPE_INT,
        		.check_type = KAPI_RETURN_ERROR_CHECK,
        		.success_value = 0,
        	KAPI_RETURN_END
        {{errors}}KAPI_END_SPEC;

        """;

    /// <summary>One parameter: <c>flags</c> (a mask of MCL_*), <c>enum</c> (MADV_* values), <c>range</c> (0..10) or <c>path</c>.</summary>
    public static string Param(int index, string name, string kind, string ctype = "int") => kind switch
    {
        "flags" => $"\tKAPI_PARAM({index}, \"{name}\", \"{ctype}\", \"Flags\")\n\t\t.type = KAPI_TYPE_INT,\n\t\t.constraint_type = KAPI_CONSTRAINT_MASK,\n\t\t.valid_mask = MCL_CURRENT | MCL_FUTURE,\n\tKAPI_PARAM_END\n",
        "enum" => $"\tKAPI_PARAM({index}, \"{name}\", \"{ctype}\", \"Advice\")\n\t\t.type = KAPI_TYPE_INT,\n\t\t.constraint_type = KAPI_CONSTRAINT_ENUM,\n\t\t.enum_values = (const s64[]){{MADV_NORMAL, MADV_RANDOM}},\n\tKAPI_PARAM_END\n",
        "range" => $"\tKAPI_PARAM({index}, \"{name}\", \"{ctype}\", \"Count\")\n\t\t.type = KAPI_TYPE_INT,\n\t\t.constraint_type = KAPI_CONSTRAINT_RANGE,\n\t\t.min_value = 0,\n\t\t.max_value = 10,\n\tKAPI_PARAM_END\n",
        "path" => $"\tKAPI_PARAM({index}, \"{name}\", \"const char __user *\", \"Path\")\n\t\t.type = KAPI_TYPE_PATH,\n\tKAPI_PARAM_END\n",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;

namespace Kapi.Robustness.Tests.Infrastructure;

/// <summary>Every string reachable from an object graph through public instance properties and enumerables.</summary>
internal static class StringGraph
{
    public static List<(string Path, string Value)> Collect(object root)
    {
        var result = new List<(string, string)>();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(root, "$", result, visited, 0);
        return result;
    }

    private static void Walk(object? value, string path, List<(string, string)> result, HashSet<object> visited, int depth)
    {
        if (value is null || depth > 12) return;
        if (value is string s)
        {
            result.Add((path, s));
            return;
        }
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is decimal) return;
        if (!type.IsValueType && !visited.Add(value)) return;
        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (var item in items) Walk(item, $"{path}[{i++}]", result, visited, depth + 1);
            return;
        }
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length > 0 || p.PropertyType == typeof(Type)) continue;
            object? child;
            try
            {
                child = p.GetValue(value);
            }
            catch (TargetInvocationException)
            {
                continue;
            }
            Walk(child, path + "." + p.Name, result, visited, depth + 1);
        }
    }
}

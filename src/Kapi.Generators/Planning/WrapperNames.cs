namespace Kapi.Generators.Planning;

/// <summary>The names inside a wrapper: parameter identifiers that would meet a name the body uses, and the locals.</summary>
internal static class WrapperNames
{
    /// <summary>
    /// Names inside the wrapper bodies that spec text must not be able to clash with: a parameter named like a type or
    /// method the body refers to by simple name gets a suffix, and the per-parameter locals (<c>__x</c>, <c>__v_x</c>)
    /// are made unique against each other and against <c>__ret</c>/<c>__errno</c>. Without a clash every name keeps
    /// its plain form.
    /// </summary>
    public static void Assign(List<ParamPlan> parameters, HashSet<string> usedIdentifiers, string method, string errorTypeName, List<EnumPlan> enums)
    {
        var referenced = new HashSet<string>(StringComparer.Ordinal) { method, errorTypeName };
        foreach (var e in enums)
        {
            referenced.Add(e.TypeName);
            referenced.Add(e.InfoTypeName);
        }
        for (int i = 0; i < parameters.Count; i++)
        {
            var p = parameters[i];
            if (!referenced.Contains(p.Identifier)) continue;
            string identifier = p.Identifier + "_" + p.Index;
            while (referenced.Contains(identifier) || !usedIdentifiers.Add(identifier)) identifier += "_";
            parameters[i] = p with { Identifier = identifier };
        }

        var locals = new HashSet<string>(StringComparer.Ordinal) { "__ret", "__errno" };
        string Unique(string name)
        {
            while (!locals.Add(name)) name += "_";
            return name;
        }
        for (int i = 0; i < parameters.Count; i++)
        {
            parameters[i] = parameters[i] with { NativeLocal = Unique("__" + parameters[i].Identifier.TrimStart('@')) };
        }
        for (int i = 0; i < parameters.Count; i++)
        {
            parameters[i] = parameters[i] with { CheckLocal = Unique("__v_" + parameters[i].Identifier.TrimStart('@')) };
        }
    }
}

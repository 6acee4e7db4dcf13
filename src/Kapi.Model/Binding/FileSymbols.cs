using Kapi.Syntax;

namespace Kapi.Binding;

/// <summary>The #define lines and file-scope arrays of one file, visible to the constant evaluator.</summary>
internal sealed class FileSymbols
{
    private readonly Dictionary<string, ExpressionSyntax> _defines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EquatableArray<ExpressionSyntax>> _arrays = new(StringComparer.Ordinal);
    private readonly HashSet<string> _active = new(StringComparer.Ordinal);

    public void Define(string name, ExpressionSyntax? value)
    {
        if (value is null) _defines.Remove(name);
        else _defines[name] = value;
    }

    public void AddArray(string name, EquatableArray<ExpressionSyntax> elements) => _arrays[name] = elements;

    public bool TryGetDefine(string name, out ExpressionSyntax value) => _defines.TryGetValue(name, out value!);

    public bool TryGetArray(string name, out EquatableArray<ExpressionSyntax> elements)
    {
        if (_arrays.TryGetValue(name, out elements)) return true;
        // a #define that names an array
        if (_defines.TryGetValue(name, out var d) && d is IdentifierSyntax id && id.Name != name && _active.Add(name))
        {
            try
            {
                return TryGetArray(id.Name, out elements);
            }
            finally
            {
                _active.Remove(name);
            }
        }
        return false;
    }

    public IEnumerable<string> DefineNames => _defines.Keys;

    public IEnumerable<string> ArrayNames => _arrays.Keys;

    public bool EnterDefine(string name) => _active.Add(name);

    public void LeaveDefine(string name) => _active.Remove(name);
}

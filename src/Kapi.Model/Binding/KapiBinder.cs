using Kapi.Collections;
using Kapi.Model;
using Kapi.Text;

namespace Kapi.Binding;

internal static class KapiBinder
{
    public static KapiFileModel BindFile(KapiSourceText text, KapiParseOptions options)
        => new(text.Path, EquatableArray<ApiSpec>.Empty, EquatableArray<SpecLocation>.Empty, EquatableArray<Kapi.Diagnostics.KapiDiagnostic>.Empty);
}

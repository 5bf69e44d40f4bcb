using System.Text;

namespace CreditsBot.Core.Search.Evaluation;

public enum EvalKind { Person, Autocomplete, Section, Role }

public enum EvalPart { Tuning, Check }

/// <summary>
/// One generated query with the answers that count as right (<see cref="Accepted"/>, compared after
/// <see cref="Fold"/>); an empty list means nothing may be answered.
/// </summary>
public sealed record EvalQuery(EvalPart Part, EvalKind Kind, string Class, string Text, IReadOnlyList<string> Accepted)
{
    public bool ExpectsNothing => Accepted.Count == 0;

    /// <summary>Lower case, accents off, apostrophes out, every other mark a space: how answers are compared.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in NoiseModel.StripAccents(text).ToLowerInvariant())
        {
            if (c is '\'' or '’' or '‘')
                continue;
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                    builder.Append(' ');
                builder.Append(c);
                space = false;
            }
            else
            {
                space = true;
            }
        }
        return builder.ToString();
    }
}

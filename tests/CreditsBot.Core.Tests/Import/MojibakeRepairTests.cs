using CreditsBot.Core.Import;

namespace CreditsBot.Core.Tests.Import;

public class MojibakeRepairTests
{
    [Theory]
    [InlineData("David MÃ©ly, Juan Felipe CerÃ³n Uribe", "David Mély, Juan Felipe Cerón Uribe")]
    [InlineData("CÃ¨sar Ferri, Paul RÃ¶ttger, DALLÂ·E 2", "Cèsar Ferri, Paul Röttger, DALL·E 2")]
    [InlineData("RenÃ© Ito, Åukasz Kaiser, Chak Li", "René Ito, Łukasz Kaiser, Chak Li")]
    [InlineData("RenÃ© Ito, Cullen OâKeefe", "René Ito, Cullen O’Keefe")]
    [InlineData("Ana GarcÃ©s, team Microsoftâs partners", "Ana Garcés, team Microsoft’s partners")]
    [InlineData("Ana GarcÃ©s\u00e2\u0080\u0094Chief of stuff", "Ana Garcés—Chief of stuff")]
    // Repair needs evidence of garbling (a whole two-byte sequence such as "Ã©") before it guesses lost bytes.
    public void Repairs_utf8_read_as_latin1_even_with_lost_c1_bytes(string garbled, string expected)
    {
        Assert.Equal(expected, MojibakeRepair.Repair(garbled));
    }

    [Fact]
    public void A_lone_a_circumflex_between_a_name_and_a_capital_is_the_name_role_dash()
    {
        Assert.Equal("Ana Garcés, Ola Nowak—Kernel lead", MojibakeRepair.Repair("Ana GarcÃ©s, Ola NowakâKernel lead"));
    }

    [Theory]
    [InlineData("David Mélý, Łukasz Kondraciuk, Paul Röttger")]
    [InlineData("plain ASCII text, nothing to do")]
    [InlineData("OpenAI’s policies: “quoted”")]
    public void Leaves_clean_text_alone(string clean)
    {
        Assert.False(MojibakeRepair.LooksGarbled(clean));
        Assert.Equal(clean, MojibakeRepair.Repair(clean));
    }

    [Fact]
    public void Glued_text_reads_a_lost_capital_after_a_lower_case_letter_as_a_word_start_when_the_word_stands_alone_elsewhere()
    {
        var glued = "Core teamAnna BellâKernels co-leadÅucja NowakâPlanning leadTestingOla Nowak, Åukasz KowalKernelsÅukasz Kowal" + new string(' ', 2100) + "x";
        var repaired = MojibakeRepair.Repair("RenÃ© " + glued);
        // After a word that ends roles; and where the word stands elsewhere after a space.
        Assert.Contains("co-leadŁucja Nowak—Planning leadTestingOla Nowak, Łukasz KowalKernelsŁukasz Kowal", repaired);
    }

    [Fact]
    public void A_lost_letter_inside_a_word_stays_lower_case_so_the_name_is_not_split()
    {
        var glued = "Core teamAnna DvoÅÃ¡kâKernels leadKernelsAnna DvoÅÃ¡k, Ola Nowak" + new string(' ', 2100) + "x";
        var repaired = MojibakeRepair.RepairWithMap("RenÃ© " + glued);
        Assert.Contains("Anna Dvołák—Kernels leadKernelsAnna Dvołák, Ola", repaired.Text);
        Assert.Equal(["ł", "ł"], repaired.Guesses.Select(g => g.Guess));
        Assert.All(repaired.Guesses, g => Assert.Equal("Å", g.Written));
    }

    [Fact]
    public void A_lost_letter_after_a_whole_sequence_is_read_against_the_repaired_letter_before_it()
    {
        // "Ã©" is é, a letter: the lost letter after it is inside the word.
        Assert.Equal("Renéß Ito, Łukasz Kaiser", MojibakeRepair.Repair("RenÃ©Ã Ito, Åukasz Kaiser"));
    }
}

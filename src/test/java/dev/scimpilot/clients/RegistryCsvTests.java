package dev.scimpilot.clients;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistryCsvTests {

    @Test
    void cellsAreQuotedAsRfc4180AndFormulasDefused() {
        assertThat(RegistryCsv.cell("Brennwald + Heilig AG")).isEqualTo("Brennwald + Heilig AG");
        assertThat(RegistryCsv.cell("Müller, Meier & Co")).isEqualTo("\"Müller, Meier & Co\"");
        assertThat(RegistryCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(RegistryCsv.cell("=1+2")).isEqualTo("'=1+2");
        assertThat(RegistryCsv.cell("+41 44")).isEqualTo("'+41 44");
        assertThat(RegistryCsv.cell("@cmd")).isEqualTo("'@cmd");
        assertThat(RegistryCsv.cell("-3")).isEqualTo("-3"); // a negative number of days stays a number
        assertThat(RegistryCsv.cell(null)).isEmpty();
    }
}

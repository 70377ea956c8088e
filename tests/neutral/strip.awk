# SPDX-License-Identifier: GPL-2.0
# C (and re2c, Bison) text with its comments blanked out, line for line, so
# that what is left is code and string literals at their own line numbers.
BEGIN { state = "code" }
{
	out = ""
	n = length($0)
	for (i = 1; i <= n; i++) {
		c = substr($0, i, 1)
		d = substr($0, i, 2)
		if (state == "block") {
			if (d == "*/") { state = "code"; i++ }
			out = out " "
			continue
		}
		if (state == "code") {
			if (d == "/*") { state = "block"; out = out "  "; i++; continue }
			if (d == "//") break
			if (c == "\"") state = "string"
			else if (c == "'") state = "char"
			out = out c
			continue
		}
		# in a string or a character constant
		out = out c
		if (c == "\\") { out = out substr($0, i + 1, 1); i++; continue }
		if ((state == "string" && c == "\"") || (state == "char" && c == "'"))
			state = "code"
	}
	# a literal does not go on past its line (re2c's and Bison's quotes aside)
	if (state == "string" || state == "char")
		state = "code"
	print out
}

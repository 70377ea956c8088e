m4_dnl Shared by the templates of the mini target: one CSV row per handling.
m4_define([[MSRGEN_HANDLE]], [[$2,$3,$4,$5,$6,$7,$8,"$9"
]])m4_dnl

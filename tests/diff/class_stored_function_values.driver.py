from diff_support import show


def run(mod):
    show("run_methods()", mod.run_methods)
    show("Speaker().say('x')", lambda: mod.Speaker().say("x"))
    show("Plain().describe()", lambda: mod.Plain().describe())
    show("Plain.describe(1)", lambda: mod.Plain.describe(1))
    show("Plain().talk('Yo')", lambda: mod.Plain().talk("Yo"))

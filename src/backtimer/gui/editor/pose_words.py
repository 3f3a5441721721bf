"""What the step editor's picture list calls each built-in pose.

A pose's file name (``hamstring-lean``) is what a routine file says, and stays as it is;
the list shows these words instead (translated), the file name only for a pose not named
here (a pose added later still shows, by its file name)."""

from __future__ import annotations

from backtimer.core.i18n import pgettext

POSE_WORDS = {
    "all-fours": pgettext("pose", "On hands and knees"),
    "bird-dog": pgettext("pose", "Bird dog"),
    "bottom-to-heels": pgettext("pose", "Bottom back to the heels"),
    "calf-stretch": pgettext("pose", "Calf stretch at a wall"),
    "camel-back": pgettext("pose", "On hands and knees, back hollowed"),
    "cat-back": pgettext("pose", "On hands and knees, back rounded"),
    "chair-sit-forward": pgettext("pose", "Sitting on the front of a chair"),
    "chair-sit": pgettext("pose", "Sitting on a chair"),
    "childs-pose": pgettext("pose", "Child's pose"),
    "clamshell": pgettext("pose", "Clamshell, lying on the side"),
    "dead-bug-start": pgettext("pose", "Dead bug, start"),
    "dead-bug": pgettext("pose", "Dead bug, arm and leg reaching"),
    "figure-four-cross": pgettext("pose", "Seated, ankle on the other knee"),
    "figure-four-lean": pgettext("pose", "Seated, ankle on the knee, leaning forward"),
    "glute-bridge": pgettext("pose", "Bridge, hips lifted"),
    "glute-squeeze": pgettext("pose", "Seated, squeezing the buttocks"),
    "hamstring-lean": pgettext("pose", "Heel on a chair, leaning forward"),
    "hamstring-lying": pgettext("pose", "Lying, one leg raised"),
    "hamstring-stand": pgettext("pose", "Standing, heel on a chair"),
    "hip-circles": pgettext("pose", "Hip circles"),
    "hook-lying": pgettext("pose", "Lying on the back, knees bent"),
    "knee-rolls": pgettext("pose", "Knees rolled to one side"),
    "knee-to-chest-single": pgettext("pose", "One knee to the chest"),
    "knees-to-chest": pgettext("pose", "Both knees to the chest"),
    "lie-back": pgettext("pose", "Lying flat on the back"),
    "march": pgettext("pose", "Marching on the spot"),
    "pelvic-tilt": pgettext("pose", "Pelvic tilt"),
    "piriformis-ankle": pgettext("pose", "Lying, knee across, hand at the ankle"),
    "piriformis-knee-bent": pgettext("pose", "Lying, one knee bent up"),
    "piriformis-pull": pgettext("pose", "Lying, knee pulled across"),
    "prone-elbows": pgettext("pose", "Lying on the front, on the elbows"),
    "prone-lie": pgettext("pose", "Lying on the front"),
    "prone-press-up": pgettext("pose", "Lying on the front, pressing up"),
    "psoas-kneel": pgettext("pose", "Kneeling on one knee"),
    "psoas-lean": pgettext("pose", "Kneeling lunge, hips forward"),
    "quad-stretch": pgettext("pose", "Standing, holding the ankle behind"),
    "seated-arms-crossed": pgettext("pose", "Seated, arms crossed"),
    "seated-elbows-back": pgettext("pose", "Seated, elbows drawn back"),
    "seated-forward-bend": pgettext("pose", "Seated, bending forward"),
    "seated-slump": pgettext("pose", "Seated, slumped"),
    "seated-tall": pgettext("pose", "Seated tall"),
    "seated-twist": pgettext("pose", "Seated twist"),
    "side-lying": pgettext("pose", "Lying on the side"),
    "stand-hands-back": pgettext("pose", "Standing, hands on the lower back"),
    "stand-hands-hips": pgettext("pose", "Standing, hands on the hips"),
    "stand-wall": pgettext("pose", "Standing, facing a wall"),
    "stand": pgettext("pose", "Standing beside a chair"),
    "standing-back-bend": pgettext("pose", "Standing, leaning back"),
    "standing-hip-flexor": pgettext("pose", "Standing lunge"),
}


def pose_words(name: str) -> str:
    """What the picture list says for the built-in pose ``name``."""
    return POSE_WORDS.get(name, name)
